// A province's browser app as keycloak-js documents it: login-required, PKCE S256, the session status iframe on.
// The browser test drives it through window.app and reads what the page shows.
import Keycloak from './keycloak-js/keycloak.js'

const config = await (await fetch('config.json')).json()
const keycloak = new Keycloak({ url: config.url, realm: config.realm, clientId: config.clientId })
const show = (id, text) => { document.getElementById(id).textContent = text }

function showTokens () {
  const token = keycloak.tokenParsed
  show('username', token.preferred_username)
  show('roles', token.realm_access.roles.join(', '))
  show('org-unit', token.org_unit)
  show('token-id', token.jti)
  const refresh = keycloak.refreshTokenParsed
  show('refresh-token', `typ ${refresh.typ}, azp ${refresh.azp}, hết hạn ${new Date(refresh.exp * 1000).toLocaleString('vi-VN')}`)
}

window.app = {
  keycloak,
  // Forces a refresh through the refresh token (minValidity -1), as an app does when an API answers 401.
  async refresh () {
    const before = keycloak.token
    try {
      const refreshed = await keycloak.updateToken(-1)
      showTokens()
      return { refreshed, changed: keycloak.token !== before }
    } catch (error) {
      show('status', 'Không làm mới được phiên đăng nhập')
      return { refreshed: false, error: String(error?.message ?? error) }
    }
  },
  async callApi () {
    const response = await fetch('api/me', { headers: { Authorization: `Bearer ${keycloak.token}` } })
    const body = await response.text()
    show('api', `${response.status} ${body}`)
    return { status: response.status, body }
  },
  logout: () => keycloak.logout()
}

try {
  const authenticated = await keycloak.init({
    onLoad: 'login-required',
    pkceMethod: 'S256',
    checkLoginIframe: true,
    // The iframes must still answer; 30 s instead of the default 10 s only spares a busy test machine.
    messageReceiveTimeout: 30000
  })
  show('status', authenticated ? 'Đã đăng nhập' : 'Chưa đăng nhập')
  if (authenticated) showTokens()
} catch (error) {
  show('status', `Lỗi khởi tạo: ${error?.message ?? error}`)
}
