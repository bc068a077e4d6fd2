#!/bin/sh
# Creates (or updates: every call is an idempotent PUT) Sibyl's RabbitMQ users through the
# management API, as the broker's administrator:
#   - the gateway's and the predictor's own users, with the permissions of
#     gateway-permissions.json / predictor-permissions.json on the vhost (Sibyl's names only);
#   - a user with the `monitoring` tag and no AMQP permission, for the management API (queue
#     gauges of the gateway, KEDA).
# Environment: RABBITMQ_HOST, RABBITMQ_MANAGEMENT_URL_SCHEME (http|https), RABBITMQ_MANAGEMENT_PORT,
# RABBITMQ_VHOST (default /), ADMIN_USERNAME/ADMIN_PASSWORD, {GATEWAY,PREDICTOR,MONITOR}_USERNAME
# and _PASSWORD, CONFIG_DIR (where the permission files are), CURL_CA_BUNDLE for https.
set -eu
api="${RABBITMQ_MANAGEMENT_URL_SCHEME:-http}://${RABBITMQ_HOST}:${RABBITMQ_MANAGEMENT_PORT:-15672}/api"
vhost=$(printf '%s' "${RABBITMQ_VHOST:-/}" | sed 's#/#%2F#g')
config="${CONFIG_DIR:-/config}"

call() { # METHOD PATH [BODY]
  method=$1 path=$2
  shift 2
  if [ $# -gt 0 ]; then set -- --data-binary "$1"; fi
  curl --silent --show-error --fail-with-body --max-time 10 \
    --user "${ADMIN_USERNAME}:${ADMIN_PASSWORD}" -H 'content-type: application/json' \
    -X "$method" "${api}${path}" "$@"
}
json_string() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }
put_user() { # NAME PASSWORD TAGS
  call PUT "/users/$1" "{\"password\":$(json_string "$2"),\"tags\":\"$3\"}"
  echo "user $1 (tags: ${3:-none})"
}

attempt=0
until call GET /overview >/dev/null; do
  attempt=$((attempt + 1))
  [ "$attempt" -ge 60 ] && { echo "management API at ${api} not reachable" >&2; exit 1; }
  echo "waiting for the management API at ${api} ($attempt)"
  sleep 5
done

put_user "$GATEWAY_USERNAME" "$GATEWAY_PASSWORD" ''
call PUT "/permissions/${vhost}/${GATEWAY_USERNAME}" "@${config}/gateway-permissions.json"
put_user "$PREDICTOR_USERNAME" "$PREDICTOR_PASSWORD" ''
call PUT "/permissions/${vhost}/${PREDICTOR_USERNAME}" "@${config}/predictor-permissions.json"
put_user "$MONITOR_USERNAME" "$MONITOR_PASSWORD" monitoring
echo "RabbitMQ users of Sibyl are in place"
