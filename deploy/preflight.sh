#!/usr/bin/env bash
# Refuses to start the platform while its configuration still has holes or placeholders.
#
# compose runs it in the one-shot `preflight` service, which every other service waits for
# (service_completed_successfully): nothing starts — no database initialised with a placeholder
# password, no realm imported with a CHANGE-ME client secret — until it exits 0.
# Operators can run it themselves before `docker compose up`:
#   bash deploy/preflight.sh deploy/.env
# Values come from the environment; an optional KEY=VALUE file (deploy/.env) fills in the ones the
# environment does not set (the environment wins, as in compose). The file is read, never executed.
#
# Exit 0: ready. Exit 1: every problem is listed (Vietnamese / English), one line per variable.
set -uo pipefail

# Every value the platform cannot run without.
required=(
  PLATFORM_TENANT PLATFORM_PUBLIC_URL KEYCLOAK_PUBLIC_URL
  POSTGRES_PASSWORD
  INTAKE_DB_PASSWORD MONTHLY_SCORING_DB_PASSWORD DX_INDEX_DB_PASSWORD NOTIFICATIONS_DB_PASSWORD
  REPORTING_DB_PASSWORD GATEWAY_DB_PASSWORD KEYCLOAK_DB_PASSWORD
  RABBITMQ_ADMIN_USER RABBITMQ_ADMIN_PASSWORD
  INTAKE_AMQP_PASSWORD MONTHLY_SCORING_AMQP_PASSWORD DX_INDEX_AMQP_PASSWORD NOTIFICATIONS_AMQP_PASSWORD
  REPORTING_AMQP_PASSWORD
  KEYCLOAK_ADMIN_USER KEYCLOAK_ADMIN_PASSWORD
  PLATFORM_WEB_CLIENT_SECRET HE_THONG_57_CLIENT_SECRET
  SMTP_HOST SMTP_PORT SMTP_FROM SMTP_USE_TLS
)
# Values that may stay empty, but never keep a placeholder.
optional=(SMTP_USER SMTP_PASSWORD REPORTING_ISSUER SMTP_FROM_NAME PLATFORM_DB_CONNECTION_LIMIT OTEL_EXPORTER_OTLP_ENDPOINT)
# Passwords and client secrets: they end up in connection strings, amqp:// URIs and the realm import,
# so only characters that need no escaping anywhere; long enough; and no two the same (one leaked
# password must not open a second door).
secrets=(
  POSTGRES_PASSWORD
  INTAKE_DB_PASSWORD MONTHLY_SCORING_DB_PASSWORD DX_INDEX_DB_PASSWORD NOTIFICATIONS_DB_PASSWORD
  REPORTING_DB_PASSWORD GATEWAY_DB_PASSWORD KEYCLOAK_DB_PASSWORD
  RABBITMQ_ADMIN_PASSWORD
  INTAKE_AMQP_PASSWORD MONTHLY_SCORING_AMQP_PASSWORD DX_INDEX_AMQP_PASSWORD NOTIFICATIONS_AMQP_PASSWORD
  REPORTING_AMQP_PASSWORD
  KEYCLOAK_ADMIN_PASSWORD PLATFORM_WEB_CLIENT_SECRET HE_THONG_57_CLIENT_SECRET
)
min_secret_length=16
placeholder="CHANGE-ME"

# Fill in from the file the values the environment does not set.
if [ $# -ge 1 ]; then
  env_file=$1
  if [ ! -r "$env_file" ]; then
    echo "preflight: không đọc được tệp $env_file / cannot read $env_file" >&2
    exit 1
  fi
  known=" ${required[*]} ${optional[*]} "
  while IFS= read -r line || [ -n "$line" ]; do
    line=${line%$'\r'}
    [[ $line =~ ^[[:space:]]*(export[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
    name=${BASH_REMATCH[2]}
    value=${BASH_REMATCH[3]}
    [[ $known == *" $name "* ]] || continue
    [ -n "${!name+set}" ] && continue
    if [[ $value =~ ^\"(.*)\"$ || $value =~ ^\'(.*)\'$ ]]; then value=${BASH_REMATCH[1]}; fi
    printf -v "$name" '%s' "$value"
  done < "$env_file"
fi

problems=()
problem() { problems+=("  - $1: $2"); }

for name in "${required[@]}"; do
  value=${!name-}
  if [ -z "$value" ]; then
    problem "$name" "chưa đặt hoặc để trống / unset or empty"
  elif [[ $value == *"$placeholder"* ]]; then
    problem "$name" "vẫn là giá trị mẫu $placeholder / still the $placeholder placeholder"
  fi
done
for name in "${optional[@]}"; do
  value=${!name-}
  if [[ $value == *"$placeholder"* ]]; then
    problem "$name" "vẫn là giá trị mẫu $placeholder (đặt giá trị thật hoặc để trống) / still the $placeholder placeholder (set a real value or leave it empty)"
  fi
done

# Only values that are set and are not placeholders are checked further: one line per variable.
usable() { local v=${!1-}; [ -n "$v" ] && [[ $v != *"$placeholder"* ]]; }

if usable PLATFORM_TENANT && ! [[ $PLATFORM_TENANT =~ ^(national|[a-z]+(-[a-z]+)*)$ ]]; then
  problem PLATFORM_TENANT "phải là \"national\" hoặc mã tỉnh viết thường, không dấu, nối bằng dấu gạch ngang (vd. lao-cai), không phải \"$PLATFORM_TENANT\" / must be \"national\" or a lowercase province code such as lao-cai, not \"$PLATFORM_TENANT\""
fi
for name in PLATFORM_PUBLIC_URL KEYCLOAK_PUBLIC_URL; do
  if usable "$name" && ! [[ ${!name} =~ ^https://[A-Za-z0-9.-]+(:[0-9]+)?(/[^[:space:]]*)?$ ]]; then
    problem "$name" "phải là địa chỉ https:// công khai (vd. https://nentang.laocai.gov.vn), không phải \"${!name}\" / must be a public https:// address, not \"${!name}\""
  fi
done
if usable PLATFORM_PUBLIC_URL && usable KEYCLOAK_PUBLIC_URL && [ "${PLATFORM_PUBLIC_URL%/}" = "${KEYCLOAK_PUBLIC_URL%/}" ]; then
  problem KEYCLOAK_PUBLIC_URL "phải khác PLATFORM_PUBLIC_URL (Keycloak có tên miền riêng) / must differ from PLATFORM_PUBLIC_URL (Keycloak has its own host name)"
fi
if usable SMTP_PORT && ! [[ $SMTP_PORT =~ ^[0-9]{1,5}$ ]]; then
  problem SMTP_PORT "phải là số cổng (vd. 587) / must be a port number such as 587"
fi
if usable SMTP_USE_TLS && ! [[ $SMTP_USE_TLS =~ ^(true|false)$ ]]; then
  problem SMTP_USE_TLS "phải là true hoặc false / must be true or false"
fi
if usable PLATFORM_DB_CONNECTION_LIMIT && ! [[ $PLATFORM_DB_CONNECTION_LIMIT =~ ^(-1|[1-9][0-9]*)$ ]]; then
  problem PLATFORM_DB_CONNECTION_LIMIT "phải là -1 (không giới hạn) hoặc số dương / must be -1 (no cap) or a positive number"
fi
if [ -n "${SMTP_USER-}" ] && [ -z "${SMTP_PASSWORD-}" ]; then
  problem SMTP_PASSWORD "cần khi đã đặt SMTP_USER / required when SMTP_USER is set"
fi

declare -A seen=()
for name in "${secrets[@]}"; do
  usable "$name" || continue
  value=${!name}
  if ! [[ $value =~ ^[A-Za-z0-9._~+=-]+$ ]]; then
    problem "$name" "chỉ được dùng chữ, số và . _ ~ + = - (vd. openssl rand -hex 24) / may contain only letters, digits and . _ ~ + = - (e.g. openssl rand -hex 24)"
  elif [ ${#value} -lt $min_secret_length ]; then
    problem "$name" "quá ngắn, cần ít nhất $min_secret_length ký tự / too short, at least $min_secret_length characters"
  elif [ -n "${seen[$value]-}" ]; then
    problem "$name" "trùng với ${seen[$value]}: mỗi mật khẩu phải khác nhau / same as ${seen[$value]}: every password must differ"
  else
    seen[$value]=$name
  fi
done

if [ ${#problems[@]} -gt 0 ]; then
  {
    echo "preflight: cấu hình chưa sẵn sàng, không dịch vụ nào được khởi động / the configuration is not ready, nothing was started."
    printf '%s\n' "${problems[@]}"
    echo "Sửa deploy/.env (xem deploy/.env.example) rồi chạy lại / Fix deploy/.env (see deploy/.env.example) and run again."
  } >&2
  exit 1
fi
echo "preflight: OK (tenant $PLATFORM_TENANT, $PLATFORM_PUBLIC_URL, $KEYCLOAK_PUBLIC_URL)"
