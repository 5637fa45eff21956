-- Issue #23: a session is now indexed by the person id (its principal name) and holds a token whose subject is
-- that id. A session from before is indexed by a username and holds a token no service accepts any more: it is
-- dropped, its attributes with it, and its person signs in once again.
DELETE FROM spring_session;
