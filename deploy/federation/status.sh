#!/usr/bin/env bash
# Either side: the federation shovels' state and what is waiting. Usage: status.sh
#   RABBITMQ_API, RABBITMQ_ADMIN_USER, RABBITMQ_ADMIN_PASSWORD, RABBITMQ_VHOST (default platform)
# At the province: four shovels "running" and federation.to-centre near 0 when the link is up; during an outage the
# shovels show "starting"/"terminated" with the reason, and the approvals wait in federation.to-centre.
# At the centre: federation.from.<code> near 0 (intake's gate consumes it), federation.to.<code>.* grow during an outage.
source "$(dirname "$0")/common.sh"
echo "shovels:"
api GET "shovels/$VHOST_PATH" | jq -r '.[] | "  \(.name)\t\(.state)\t\(.reason // "")"'
echo "federation queues (ready / unacknowledged / consumers):"
api GET "queues/$VHOST_PATH?name=federation&use_regex=false" \
  | jq -r '.[] | select(.name | startswith("federation")) | "  \(.name)\t\(.messages_ready // 0)\t\(.messages_unacknowledged // 0)\t\(.consumers // 0)"'
