/**
 * Sign-in and access: form login with lock-out, forced password change, session and header policies, personal API
 * tokens (Bearer), the first administrator of a new installation, and {@code /api/v1/me}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package org.youguan.security;
