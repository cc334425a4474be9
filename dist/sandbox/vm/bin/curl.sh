#!/bin/sh
# Stand-in `curl` for the simulated runner VM, fast path in sh (see curl.mjs for the rest):
# - metadata server URLs served from GITSPACES_SIM_METADATA_DIR (attributes/<key>, guest-attributes/<ns>/<key>),
#   or forwarded to the metadata emulator (GITSPACES_SIM_METADATA_URL) by the host's curl;
# - everything else (the runner's /healthz, unresolvable hosts) goes to curl.mjs.
# GITSPACES_STANDIN_NODE and GITSPACES_STANDIN_DIR are set by the wrapper prepareVmRoot writes.
url=""
for a in "$@"; do
  case "$a" in http://* | https://*) url="$a" ;; esac
done
case "$url" in
  http://metadata.google.internal/* | http://169.254.169.254/*) ;;
  *) exec "$GITSPACES_STANDIN_NODE" "$GITSPACES_STANDIN_DIR/curl.mjs" "$@" ;;
esac
path="/${url#http://*/}"

if [ -z "${GITSPACES_SIM_METADATA_DIR:-}" ]; then
  [ -n "${GITSPACES_SIM_METADATA_URL:-}" ] || { echo "curl: (6) Could not resolve host: metadata.google.internal" >&2; exit 6; }
  real=""
  for c in /usr/bin/curl /bin/curl; do [ -x "$c" ] && { real="$c"; break; }; done
  [ -n "$real" ] || exec "$GITSPACES_STANDIN_NODE" "$GITSPACES_STANDIN_DIR/curl.mjs" "$@"
  target="${GITSPACES_SIM_METADATA_URL%/}$path"
  for a; do
    shift
    if [ "$a" = "$url" ]; then set -- "$@" "$target"; else set -- "$@" "$a"; fi
  done
  exec "$real" "$@"
fi

method=GET
data=""
fail=0
flavor=0
while [ $# -gt 0 ]; do
  case "$1" in
    -X | --request) method="$2"; shift ;;
    -d | --data | --data-binary | --data-raw) data="$2"; shift ;;
    -H | --header) case "$2" in [Mm]etadata-[Ff]lavor:*Google*) flavor=1 ;; esac; shift ;;
    -o | --output | --retry | --retry-delay | --retry-max-time | --max-time | -m | --connect-timeout) shift ;;
    --fail) fail=1 ;;
    --*) ;;
    -*) case "$1" in *f*) fail=1 ;; esac ;;
  esac
  shift
done
status() {
  if [ "$fail" = 1 ]; then echo "curl: (22) The requested URL returned error: $1" >&2; exit 22; fi
  echo "$2"
  exit 0
}
[ "$flavor" = 1 ] || status 403 "Missing Metadata-Flavor:Google header."
case "$path" in
  /computeMetadata/v1/instance/attributes/* | /computeMetadata/v1/instance/guest-attributes/*) ;;
  *) status 404 "Not Found" ;;
esac
file="$GITSPACES_SIM_METADATA_DIR/${path#/computeMetadata/v1/instance/}"
if [ "$method" = PUT ]; then
  mkdir -p "$(dirname "$file")"
  printf '%s' "$data" >"$file"
  exit 0
fi
[ -f "$file" ] || status 404 "Not Found"
cat "$file"
