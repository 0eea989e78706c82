#!/usr/bin/env python3
"""Writes deploy/keycloak/production/platform-realm.json from the development realm deploy/keycloak/platform-realm.json.

    python3 deploy/keycloak/make-production-realm.py

Run it after changing the development realm's roles, groups, clients, mappers or lifetimes; then commit both files.
tests/Deploy.Tests/Keycloak/ checks that the two agree and that the production file holds no user, no secret and no
loopback address, so a forgotten run (or a hand edit that drifts) fails the tests.

What is kept from the development realm: realm roles and client roles, the whole group tree with its attributes,
the clients with their protocol mappers and client scopes, token and session lifetimes, the Vietnamese locale, and the
service account of each machine client (its roles and unit; a service account has no password).
What is left out or replaced: every person (demo user) and credential, the development notice, literal client secrets
(replaced by ${PLATFORM_WEB_CLIENT_SECRET} and ${HE_THONG_57_CLIENT_SECRET}), loopback redirect URIs and web origins
(replaced by addresses under ${PLATFORM_PUBLIC_URL}).
What is added: brute-force detection, a password policy, login and admin events, and the "basic" client scope on every
client (Keycloak 25+ puts `sub` in access tokens only through that scope).

Placeholders: Keycloak resolves ${NAME} in an imported realm file from the environment variable NAME, anywhere inside
a string ("Using Environment Variables within the Realm Configuration Files",
https://www.keycloak.org/server/importExport). An unset variable is left as the literal text ${NAME}, which would
become a guessable client secret: compose's preflight and Kubernetes' secret references refuse to start without it.
Python 3 standard library only; not needed to build, run or test the platform.
"""
import copy
import json
import pathlib

KEYCLOAK = pathlib.Path(__file__).resolve().parent
DEVELOPMENT = KEYCLOAK / "platform-realm.json"
PRODUCTION = KEYCLOAK / "production" / "platform-realm.json"

PUBLIC_URL = "${PLATFORM_PUBLIC_URL}"
SECRETS = {"platform-web": "${PLATFORM_WEB_CLIENT_SECRET}", "he-thong-57": "${HE_THONG_57_CLIENT_SECRET}"}

# Keycloak 25+ emits `sub` (and `auth_time`) only through the "basic" client scope; a client whose defaultClientScopes
# are listed explicitly in an imported file gets exactly that list.
ADDED_DEFAULT_SCOPES = ["basic"]

REDIRECT_URIS = {
    "platform-web": [f"{PUBLIC_URL}/signin-oidc"],
    "platform-spa": [f"{PUBLIC_URL}/*"],
}
WEB_ORIGINS = {
    "platform-web": ["+"],
    "platform-spa": [PUBLIC_URL],
}
POST_LOGOUT = {
    "platform-web": f"{PUBLIC_URL}/signout-callback-oidc##{PUBLIC_URL}/",
}
DESCRIPTIONS = {
    "platform-web": "Confidential client of the gateway (BFF). Secret from the environment (PLATFORM_WEB_CLIENT_SECRET).",
    "platform-spa": "Public client for browser apps using keycloak-js served under the platform's public address: code flow with PKCE.",
    "he-thong-57": "Machine client (client credentials). Secret from the environment (HE_THONG_57_CLIENT_SECRET).",
}
NAMES = {
    "platform-spa": "Ứng dụng web trên trình duyệt (keycloak-js)",
}

HARDENING = {
    "bruteForceProtected": True,
    "permanentLockout": False,
    "failureFactor": 5,
    "waitIncrementSeconds": 60,
    "maxFailureWaitSeconds": 900,
    "minimumQuickLoginWaitSeconds": 60,
    "quickLoginCheckMilliSeconds": 1000,
    "maxDeltaTimeSeconds": 43200,
    "passwordPolicy": "length(12) and maxLength(64) and notUsername(undefined) and notEmail(undefined) and passwordHistory(5)",
    "resetPasswordAllowed": False,
    "rememberMe": False,
    "editUsernameAllowed": False,
    "verifyEmail": False,
    "eventsEnabled": True,
    "eventsExpiration": 7776000,
    "adminEventsEnabled": True,
    "adminEventsDetailsEnabled": False,
}


def production_client(client):
    client = copy.deepcopy(client)
    client_id = client["clientId"]
    if client_id in SECRETS:
        client["secret"] = SECRETS[client_id]
    if client_id in NAMES:
        client["name"] = NAMES[client_id]
    if client_id in DESCRIPTIONS:
        client["description"] = DESCRIPTIONS[client_id]
    if "redirectUris" in client:
        client["redirectUris"] = REDIRECT_URIS[client_id]
    if "webOrigins" in client:
        client["webOrigins"] = WEB_ORIGINS[client_id]
    if client_id in POST_LOGOUT:
        client["attributes"]["post.logout.redirect.uris"] = POST_LOGOUT[client_id]
    if "defaultClientScopes" in client:
        client["defaultClientScopes"] = client["defaultClientScopes"] + [
            s for s in ADDED_DEFAULT_SCOPES if s not in client["defaultClientScopes"]]
    return client


def service_account(user):
    """A machine client's service account: no password, no e-mail, no name; its roles, group and unit as in development."""
    keep = ["username", "enabled", "serviceAccountClientId", "attributes", "realmRoles", "clientRoles", "groups"]
    return {k: copy.deepcopy(user[k]) for k in keep if k in user}


def main():
    dev = json.loads(DEVELOPMENT.read_text(encoding="utf-8"))
    prod = {}
    for key, value in dev.items():
        if key == "displayName":
            prod[key] = value.replace(" (môi trường phát triển)", "")
        elif key == "attributes":
            attributes = {k: v for k, v in value.items() if k != "platform.notice"}
            if attributes:
                prod[key] = attributes
        elif key == "ssoSessionMaxLifespan":
            prod[key] = value
            prod.update(HARDENING)
        elif key == "clients":
            prod[key] = [production_client(c) for c in value]
        elif key == "users":
            prod[key] = [service_account(u) for u in value if "serviceAccountClientId" in u]
        else:
            prod[key] = copy.deepcopy(value)
    if dev.get("sslRequired") == "none":
        prod["sslRequired"] = "external"
    PRODUCTION.parent.mkdir(parents=True, exist_ok=True)
    PRODUCTION.write_text(json.dumps(prod, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {PRODUCTION.relative_to(KEYCLOAK.parent.parent)}")


if __name__ == "__main__":
    main()
