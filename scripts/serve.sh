#!/usr/bin/env bash
# LSTM Explorer for a school: N Streamlit processes on loopback ports, nginx in front on one port.
#
#   bash scripts/serve.sh --replicas 2 --port 8500 [--host 0.0.0.0]
#
# - Replica k listens on 127.0.0.1:(port + k); nginx (Debian's package, installed when missing) listens
#   on host:port and passes the websocket through (Upgrade), with a long read timeout for /_stcore/stream.
# - Sticky sessions: a browser's first request goes to the next replica in turn (round robin) and the
#   reply sets the cookie lstm_replica to that replica's name (r1, r2, ...); every later request with the
#   cookie goes to that replica, so a session's page, websocket and reruns all stay on one process.
#   (Hashing the client address instead would send a whole school behind one NAT to one replica.)
#   If a student's replica is down, the next one serves them and the cookie follows.
# - Every replica shares one server.cookieSecret (STREAMLIT_COOKIE_SECRET, else a random one per start).
# - Ctrl-C or SIGTERM stops nginx and every replica.
set -euo pipefail
cd "$(dirname "$0")/.."
REPLICAS=2 PORT=8500 HOST=127.0.0.1
while [ $# -gt 0 ]; do
  case "$1" in
    --replicas) REPLICAS=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --host) HOST=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "serve.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$REPLICAS" =~ ^[1-9][0-9]*$ && "$PORT" =~ ^[0-9]+$ ]] || { echo "serve.sh: --replicas and --port take numbers" >&2; exit 2; }
PY=${PYTHON:-python3}
NGINX=$(command -v nginx || true)
if [ -z "$NGINX" ] && [ -x /usr/sbin/nginx ]; then NGINX=/usr/sbin/nginx; fi
if [ -z "$NGINX" ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq nginx-light >/dev/null 2>&1 || $SUDO apt-get install -y -qq nginx >/dev/null
  NGINX=$(command -v nginx || echo /usr/sbin/nginx)
fi
RUN=$(mktemp -d "${TMPDIR:-/tmp}/lstm-explorer-serve.XXXXXX")
mkdir -p "$RUN/tmp"
# Run as root (the Dockerfile's default), nginx's master starts its worker as nobody: the worker must be
# able to write request bodies (an uploaded model) and large proxied replies under $RUN/tmp.
WORKER=""
if [ "$(id -u)" -eq 0 ]; then
  GROUP=$(id -gn nobody 2>/dev/null || echo nogroup)
  WORKER="user nobody $GROUP;"
  chmod 711 "$RUN"
  chown nobody:"$GROUP" "$RUN/tmp"
fi
SECRET=${STREAMLIT_COOKIE_SECRET:-$("$PY" -c 'import secrets; print(secrets.token_hex(32))')}
PIDS=()
stop() {
  trap - INT TERM EXIT
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$RUN"
}
trap 'stop; exit 0' INT TERM
trap stop EXIT

SERVERS="" ROUTES="" NAMES="" SINGLES=""
for k in $(seq 1 "$REPLICAS"); do
  p=$((PORT + k)) next=$((PORT + k % REPLICAS + 1))
  STREAMLIT_SERVER_COOKIE_SECRET="$SECRET" "$PY" -m streamlit run explorer/app.py --server.port "$p" \
    --server.address 127.0.0.1 --server.headless true --browser.gatherUsageStats false >"$RUN/replica$k.log" 2>&1 &
  PIDS+=($!)
  SERVERS+="    server 127.0.0.1:$p max_fails=0;"$'\n'
  ROUTES+="    r$k r$k;"$'\n'
  NAMES+="    \"~127\\.0\\.0\\.1:$p\$\" \"lstm_replica=r$k; Path=/; HttpOnly; SameSite=Lax\";"$'\n'
  if [ "$REPLICAS" -gt 1 ]; then backup="server 127.0.0.1:$next backup; "; else backup=""; fi
  SINGLES+="  upstream r$k { server 127.0.0.1:$p max_fails=0; $backup}"$'\n'
done

cat >"$RUN/nginx.conf" <<EOF
$WORKER
worker_processes 1;
daemon off;
pid $RUN/nginx.pid;
error_log $RUN/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $RUN/tmp/body;
  proxy_temp_path $RUN/tmp/proxy;
  fastcgi_temp_path $RUN/tmp/fastcgi;
  uwsgi_temp_path $RUN/tmp/uwsgi;
  scgi_temp_path $RUN/tmp/scgi;
  client_max_body_size 60m;
  map \$http_upgrade \$connection_upgrade { default upgrade; '' close; }
  map \$cookie_lstm_replica \$replica {
    default explorer;
$ROUTES  }
  # the cookie names the replica that answered (the last one tried); none when no replica answered (a 413,
  # a 400 from nginx itself): an empty add_header is not sent, and the student keeps the cookie they have
  map \$upstream_addr \$set_replica {
    default "";
$NAMES  }
  upstream explorer {
$SERVERS  }
$SINGLES
  server {
    listen $HOST:$PORT;
    location / {
      proxy_pass http://\$replica;
      proxy_http_version 1.1;
      proxy_set_header Host \$host;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      add_header Set-Cookie \$set_replica always;
      add_header X-Replica \$upstream_addr always;
    }
    location /_stcore/stream {
      proxy_pass http://\$replica;
      proxy_http_version 1.1;
      proxy_set_header Host \$host;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_read_timeout 86400s;
      proxy_send_timeout 86400s;
      proxy_buffering off;
    }
  }
}
EOF
"$NGINX" -c "$RUN/nginx.conf" -p "$RUN" &
PIDS+=($!)

for k in $(seq 1 "$REPLICAS"); do
  for _ in $(seq 1 240); do
    "$PY" -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=1)" \
      "http://127.0.0.1:$((PORT + k))/_stcore/health" >/dev/null 2>&1 && break
    sleep 0.25
  done
done
echo "LSTM Explorer: $REPLICAS replicas behind nginx at http://$HOST:$PORT (Ctrl-C stops them all)"
wait
