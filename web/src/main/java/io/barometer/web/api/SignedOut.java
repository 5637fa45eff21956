package io.barometer.web.api;

/** A service refused the person's token (expired or revoked): the session is over. */
public class SignedOut extends RuntimeException {

    public SignedOut() {
        super("the services no longer accept this session's token");
    }
}
