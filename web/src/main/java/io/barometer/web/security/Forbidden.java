package io.barometer.web.security;

/** A page this person may not open: answered with the 403 page, nothing of the page's content shown. */
public class Forbidden extends RuntimeException {

    public Forbidden(String why) {
        super(why);
    }
}
