#!/usr/bin/env bash
# At the PROVINCE: the shovels that link this province's broker to the centre. Usage: province-link.sh <province-code>
#   CENTRE_HOST              the centre's broker host name as its certificate names it (TLS server name, SNI), e.g. amqp.trungtam.gov.vn
#   CENTRE_ADDRESS           host:port to dial when it differs from CENTRE_HOST:5671 (a proxy, a tunnel); default CENTRE_HOST:5671
#   CENTRE_CA_FILE           PEM bundle of the CA(s) that signed the centre's certificate, readable by the broker (path on the broker's host)
#   PROVINCE_AMQP_PASSWORD   the password the centre gave for user province.<code>
#   CENTRE_VHOST             the centre's virtual host (default platform)
#   RECONNECT_DELAY          seconds between reconnection attempts (default 5)
#   RABBITMQ_API, RABBITMQ_ADMIN_USER, RABBITMQ_ADMIN_PASSWORD, RABBITMQ_VHOST of this province's broker (default platform)
# Declares federation.to-centre (bound to Platform.Contracts:SubmissionApproved) and three dynamic shovels:
#   federation-to-centre:        federation.to-centre → centre exchange federation.from.<code>
#   federation-from-centre-<E>:  centre queue federation.to.<code>.<E> → this broker's exchange Platform.Contracts:<E>
# all with ack-mode on-confirm (a message leaves its queue only after the other broker confirmed it) and
# src-delete-after never. Safe to run again (a changed definition restarts the shovel).
source "$(dirname "$0")/common.sh"
check_code "${1:-}"
code=$1
require CENTRE_HOST
require CENTRE_CA_FILE
require PROVINCE_AMQP_PASSWORD
address=${CENTRE_ADDRESS:-$CENTRE_HOST:5671}
centre_vhost=$(uri "${CENTRE_VHOST:-platform}")
delay=${RECONNECT_DELAY:-5}
password=$(uri "$PROVINCE_AMQP_PASSWORD")
# verify_peer: the centre's certificate must chain to CENTRE_CA_FILE and name CENTRE_HOST (server_name_indication
# also sets the name checked); the password travels only inside TLS.
tls="cacertfile=$(uri "$CENTRE_CA_FILE")&verify=verify_peer&server_name_indication=$(uri "$CENTRE_HOST")&heartbeat=15&connection_timeout=15000"
centre="amqps://$(uri "province.$code"):$password@$address/$centre_vhost?$tls"
local_uri="amqp:///$VHOST_PATH"

declare_exchange "Platform.Contracts:SubmissionApproved"
declare_queue "federation.to-centre"
bind_queue "Platform.Contracts:SubmissionApproved" "federation.to-centre"

shovel() {
  api PUT "parameters/shovel/$VHOST_PATH/$(uri "$1")" "$(jq -cn --arg name "$1" --argjson value "$2" --arg vhost "$RABBITMQ_VHOST" \
    '{component:"shovel",vhost:$vhost,name:$name,value:$value}')" >/dev/null
}

shovel federation-to-centre "$(jq -cn --arg src "$local_uri" --arg dest "$centre" --arg ex "federation.from.$code" --argjson delay "$delay" \
  '{"src-protocol":"amqp091","src-uri":$src,"src-queue":"federation.to-centre",
    "dest-protocol":"amqp091","dest-uri":$dest,"dest-exchange":$ex,
    "ack-mode":"on-confirm","src-delete-after":"never","reconnect-delay":$delay,"prefetch-count":100}')"
for exchange in "${RESULT_EXCHANGES[@]}"; do
  declare_exchange "$exchange"
  name="federation-from-centre-${exchange#Platform.Contracts:}"
  shovel "$name" "$(jq -cn --arg src "$centre" --arg q "$(result_queue "$code" "$exchange")" --arg dest "$local_uri" --arg ex "$exchange" --argjson delay "$delay" \
    '{"src-protocol":"amqp091","src-uri":$src,"src-queue":$q,
      "dest-protocol":"amqp091","dest-uri":$dest,"dest-exchange":$ex,
      "ack-mode":"on-confirm","src-delete-after":"never","reconnect-delay":$delay,"prefetch-count":100}')"
done
echo "province $code: shovels federation-to-centre and federation-from-centre-* point at $CENTRE_HOST ($address)."
echo "check: curl -u admin … $RABBITMQ_API/api/shovels/$VHOST_PATH  (state running on all four)"
