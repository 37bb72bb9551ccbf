package org.tipline.auth;

/**
 * Where staff sign in: at Tipline itself (password, TOTP, our own ES256 tokens) or at the
 * organisation's OpenID Connect provider, whose tokens Tipline then only verifies.
 */
public enum AuthMode {
    /** {@code built-in}: {@code POST /api/v1/auth/login} issues tokens; subject = staff id. */
    BUILT_IN,
    /** {@code external-oidc}: tokens of {@code tipline.auth.external.issuer}; the staff member is found by email. */
    EXTERNAL_OIDC
}
