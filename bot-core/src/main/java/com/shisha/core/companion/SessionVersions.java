package com.shisha.core.companion;

/**
 * A partner's session generation. Session tokens are stateless, so without it a token stolen before a password
 * reset would keep working until it expired; each token carries the generation it was issued in and is accepted
 * only while that is still the partner's current one.
 */
public interface SessionVersions {

    /** The partner's current generation; 0 for a partner whose sessions were never revoked (or who does not exist). */
    long current(long partnerId);

    /** Ends every session issued so far; tokens issued from now on carry the returned generation. */
    long revokeAll(long partnerId);
}
