#!/usr/bin/env bash
# At the CENTRE: lets one self-hosted province connect. Usage: centre-add-province.sh <province-code>
#   PROVINCE_AMQP_PASSWORD   the province's broker password (give it to the province's operator over a safe channel)
#   RABBITMQ_API, RABBITMQ_ADMIN_USER, RABBITMQ_ADMIN_PASSWORD, RABBITMQ_VHOST (default platform)
# Creates user province.<code>; exchange + queue federation.from.<code> (consumed by intake's gate: add <code> to
# Intake__Federation__Provinces__N); queues federation.to.<code>.{ScoresPublished,ScoresPublishedPart,DxIndexPublished}
# bound to the centre's result exchanges; permissions: write only federation.from.<code>, read only its result queues,
# configure only its result queues (RabbitMQ 3.x shovels re-declare their source queue). Safe to run again.
source "$(dirname "$0")/common.sh"
check_code "${1:-}"
code=$1
require PROVINCE_AMQP_PASSWORD
user="province.$code"
escaped=${code//-/\\-}

api PUT "users/$(uri "$user")" "$(jq -cn --arg p "$PROVINCE_AMQP_PASSWORD" '{password:$p,tags:""}')" >/dev/null
declare_exchange "federation.from.$code"
declare_queue "federation.from.$code"
bind_queue "federation.from.$code" "federation.from.$code"
for exchange in "${RESULT_EXCHANGES[@]}"; do
  declare_exchange "$exchange"
  queue=$(result_queue "$code" "$exchange")
  declare_queue "$queue"
  bind_queue "$exchange" "$queue"
done
api PUT "permissions/$VHOST_PATH/$(uri "$user")" "$(jq -cn \
  --arg c "^federation\\.to\\.$escaped\\.[A-Za-z]+\$" \
  --arg w "^federation\\.from\\.$escaped\$" \
  --arg r "^federation\\.to\\.$escaped\\.[A-Za-z]+\$" '{configure:$c,write:$w,read:$r}')" >/dev/null
echo "centre: province $code may write federation.from.$code and read its results (user $user)."
echo "next: add $code to Intake__Federation__Provinces__N of the centre's intake and restart it."
