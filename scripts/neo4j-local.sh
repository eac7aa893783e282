#!/usr/bin/env bash
# Run a real Neo4j 5.26 Community server without Docker: jars from Maven Central, one JVM in the background.
#
#   scripts/neo4j-local.sh start            fetch jars (first time), write neo4j.conf, set the initial password
#                                            (first time), start Neo4j and wait until Bolt and HTTP answer
#   scripts/neo4j-local.sh stop             SIGTERM, wait, then SIGKILL; harmless when not running
#   scripts/neo4j-local.sh status           "running ..." (exit 0) or "not running" (exit 3)
#   scripts/neo4j-local.sh kill             SIGKILL at once (simulates a crash; the next start recovers)
#   scripts/neo4j-local.sh restart          stop + start
#   scripts/neo4j-local.sh reset            stop + delete the data directory (next start: empty DB, password set again)
#   scripts/neo4j-local.sh fetch            only fetch the jars (what scripts/setup.sh calls)
#   scripts/neo4j-local.sh admin-import ARGS...   neo4j-admin database import full ARGS (server must be stopped)
#   scripts/neo4j-local.sh admin ARGS...    any neo4j-admin command, e.g. `admin database info neo4j`
#   scripts/neo4j-local.sh logs [N]         last N (default 50) lines of the server log
#
# Environment (unset values are also read from the repo's .env; see docs/neo4j-local.md):
#   NEO4J_PASSWORD (the initial password of user neo4j, 8+ characters; start generates a random one into .env if unset)
#   NEO4J_BOLT_PORT=7687  NEO4J_HTTP_PORT=7474  KG_GUIDE_PORT=8001 (all bound to 127.0.0.1 only)
#   KG_NEO4J_HOME=~/.cache/kg-neo4j   jars, config, data, logs (outside the repo)
#   KG_NEO4J_HEAP=1g  KG_NEO4J_HEAP_INITIAL=512m  KG_NEO4J_PAGECACHE=512m  KG_NEO4J_ADMIN_HEAP=1g
#   KG_NEO4J_START_TIMEOUT=180  KG_NEO4J_STOP_TIMEOUT=60 (seconds)  KG_NEO4J_GUIDES=1 (0: no guide server)
#   KG_NEO4J_MVN_ARGS (extra mvn arguments, e.g. -Dmaven.repo.local=...)  KG_NEO4J_JAVA_OPTS (extra JVM options)
#   JAVA_HOME (else java on PATH)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
POM="$ROOT/scripts/neo4j/pom.xml"
GUIDE_SERVER="$ROOT/scripts/neo4j/guide_server.py"
QUERIES_DIR="$ROOT/queries"
ME="neo4j-local"

say() { printf '%s: %s\n' "$ME" "$*"; }
warn() { printf '%s: warning: %s\n' "$ME" "$*" >&2; }
die() { printf '%s: error: %s\n' "$ME" "$*" >&2; exit 1; }

# --- settings ---------------------------------------------------------------------------------------------

# Print the value of KEY in the repo's .env (last one wins; `export`, quotes and ` #` comments as in
# kg/neo4j/config.read_dotenv). Returns 1 when there is no .env or no such key. Never sources the file.
dotenv_get() {
  local key=$1 file="$ROOT/.env" line k v found=1 out=""
  [ -f "$file" ] || return 1
  while IFS= read -r line || [ -n "$line" ]; do
    line="${line%$'\r'}"
    line="${line#"${line%%[![:space:]]*}"}"
    [[ -z $line || $line == \#* || $line != *=* ]] && continue
    k="${line%%=*}"
    k="${k#export }"
    k="${k//[[:space:]]/}"
    [ "$k" = "$key" ] || continue
    v="${line#*=}"
    v="${v#"${v%%[![:space:]]*}"}"
    v="${v%"${v##*[![:space:]]}"}"
    if [[ ${#v} -ge 2 && ( ($v == \"*\") || ($v == \'*\') ) ]]; then
      v="${v:1:${#v}-2}"
    elif [[ $v == *" #"* ]]; then
      v="${v%% #*}"
      v="${v%"${v##*[![:space:]]}"}"
    fi
    out=$v
    found=0
  done <"$file"
  [ $found = 0 ] && printf '%s' "$out"
  return $found
}

for _k in NEO4J_PASSWORD NEO4J_BOLT_PORT NEO4J_HTTP_PORT KG_GUIDE_PORT KG_NEO4J_HOME; do
  if [ -z "${!_k:-}" ] && _v="$(dotenv_get "$_k")" && [ -n "$_v" ]; then
    export "$_k=$_v"
  fi
done
unset _k _v

NHOME="${KG_NEO4J_HOME:-${HOME:-/tmp}/.cache/kg-neo4j}"
NHOME="${NHOME%/}"
[[ $NHOME == /* ]] || NHOME="$PWD/$NHOME" # absolute: the server runs from there and is matched by it
LIB="$NHOME/lib"
CONF_DIR="$NHOME/conf"
DATA="$NHOME/data"
LOGS="$NHOME/logs"
RUN="$NHOME/run"
PID_FILE="$RUN/neo4j.pid"
GUIDE_PID_FILE="$RUN/guides.pid"
CONSOLE_LOG="$LOGS/console.log"
PASSWORD_STAMP="$DATA/.kg-initial-password.sha256"
BOLT_PORT="${NEO4J_BOLT_PORT:-7687}"
HTTP_PORT="${NEO4J_HTTP_PORT:-7474}"
GUIDE_PORT="${KG_GUIDE_PORT:-8001}"
START_TIMEOUT="${KG_NEO4J_START_TIMEOUT:-180}"
STOP_TIMEOUT="${KG_NEO4J_STOP_TIMEOUT:-60}"
ENTRY_POINT="org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL="org.neo4j.cli.AdminTool"

for _p in "$BOLT_PORT" "$HTTP_PORT" "$GUIDE_PORT" "$START_TIMEOUT" "$STOP_TIMEOUT"; do
  [[ $_p =~ ^[0-9]+$ ]] || die "not a number: '$_p' (check NEO4J_BOLT_PORT, NEO4J_HTTP_PORT, KG_GUIDE_PORT, KG_NEO4J_*_TIMEOUT)"
done
unset _p

# --- helpers ----------------------------------------------------------------------------------------------

# Serialise start/stop/reset/import between concurrent callers (e.g. parallel test runs). fd 9 is closed
# for every process started in the background, so a running server never holds the lock.
take_lock() {
  mkdir -p "$NHOME"
  command -v flock >/dev/null 2>&1 || return 0
  exec 9>"$NHOME/.lock"
  flock -w 900 9 || die "another neo4j-local.sh has held $NHOME/.lock for 15 minutes"
}

# The command line of process $1 (empty if gone or a zombie).
proc_cmdline() {
  if [ -r "/proc/$1/cmdline" ]; then
    tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null || true
  else
    ps -o args= -p "$1" 2>/dev/null || true
  fi
}

# Print the pid in pid file $1 if that process is alive and its command line contains $2 (guards against a
# stale pid file whose number was reused by another process).
live_pid() {
  local pid
  [ -f "$1" ] || return 1
  pid="$(cat "$1" 2>/dev/null || true)"
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  [[ "$(proc_cmdline "$pid")" == *"$2"* ]] || return 1
  printf '%s' "$pid"
}

server_pid() { live_pid "$PID_FILE" "-Dkg.neo4j.home=$NHOME "; }
guide_pid() { live_pid "$GUIDE_PID_FILE" "guide_server.py"; }

# Is something listening on 127.0.0.1:$1? (bash /dev/tcp; a subshell because a failed exec redirection
# ends a non-interactive shell)
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Does GET / on the HTTP port answer 200? (HTTP is the last connector Neo4j starts.)
http_ok() {
  (
    exec 3<>"/dev/tcp/127.0.0.1/$HTTP_PORT" || exit 1
    printf 'GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
    IFS= read -r -t 5 line <&3 || exit 1
    [[ $line == HTTP/*" 200"* ]]
  ) 2>/dev/null
}

# Has pid $1 exited completely? Gone, or a zombie with no thread left (only waiting to be reaped). A JVM in
# the middle of exiting has lost its command line, and its main thread may already be a zombie, while other
# threads still hold its sockets and files: count the threads too.
proc_gone() {
  kill -0 "$1" 2>/dev/null || return 0
  if [ -r "/proc/$1/stat" ]; then
    local stat tasks
    stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 0
    stat="${stat##*) }"
    [[ $stat == Z* || $stat == X* ]] || return 1
    tasks="$(find "/proc/$1/task" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)"
    [ "$tasks" -le 1 ]
    return
  fi
  [[ "$(ps -o stat= -p "$1" 2>/dev/null || true)" == Z* ]]
}

# Wait until pid $1 is gone, at most $2 seconds (tenths polled). Returns 1 on timeout.
wait_gone() {
  local pid=$1 tenths=$(($2 * 10)) i
  for ((i = 0; i < tenths; i++)); do
    proc_gone "$pid" && return 0
    sleep 0.1
  done
  return 1
}

find_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    JAVA="$JAVA_HOME/bin/java"
  else
    JAVA="$(command -v java)" || die "java not found: Neo4j 5.26 needs Java 17 or 21 (Debian: apt-get install openjdk-17-jre-headless)"
  fi
  local ver major
  ver="$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)"
  major="${ver%%.*}"
  [[ $major =~ ^[0-9]+$ ]] || die "cannot tell the version of $JAVA ('$ver')"
  [ "$major" -ge 17 ] || die "$JAVA is Java $ver; Neo4j 5.26 needs Java 17 or 21 (set JAVA_HOME)"
}

pom_stamp() { sha256sum "$POM" | cut -d' ' -f1; }
lib_ready() { [ -f "$LIB/.kg-stamp" ] && [ "$(cat "$LIB/.kg-stamp")" = "$(pom_stamp)" ]; }

# Copy every runtime jar of scripts/neo4j/pom.xml into $LIB, unless already there for this very pom.
fetch_jars() {
  lib_ready && return 0
  local pid
  if pid="$(server_pid)"; then
    warn "scripts/neo4j/pom.xml changed while Neo4j is running (pid $pid): the jars are refreshed after a stop"
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found: Maven 3 is needed once to fetch the Neo4j jars (Debian: apt-get install maven)"
  local tmp="$NHOME/lib.tmp" t0=$SECONDS
  say "fetching Neo4j jars from Maven Central into $LIB (first time only, ~140 MB)"
  rm -rf "$tmp"
  mkdir -p "$tmp" "$LOGS"
  # shellcheck disable=SC2086 # KG_NEO4J_MVN_ARGS is a list of words on purpose
  if ! mvn -q -B -f "$POM" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tmp" \
    ${KG_NEO4J_MVN_ARGS:-} >"$LOGS/mvn.log" 2>&1; then
    tail -n 30 "$LOGS/mvn.log" >&2 || true
    rm -rf "$tmp"
    die "mvn could not fetch the Neo4j jars (full output: $LOGS/mvn.log)"
  fi
  compgen -G "$tmp/neo4j-server-*.jar" >/dev/null || die "mvn ran but no neo4j-server jar in $tmp (see $LOGS/mvn.log)"
  pom_stamp >"$tmp/.kg-stamp"
  rm -rf "$LIB"
  mv "$tmp" "$LIB"
  say "fetched $(find "$LIB" -name '*.jar' | wc -l) jars in $((SECONDS - t0))s"
}

neo4j_version() {
  local jar
  jar="$(compgen -G "$LIB/neo4j-server-*.jar" | head -n1 || true)"
  jar="${jar##*/neo4j-server-}"
  printf '%s' "${jar%.jar}"
}

# Files of queries/ the Browser loads after connecting (only those that exist).
post_connect_cmd() {
  local cmds=()
  [ "${KG_NEO4J_GUIDES:-1}" = 0 ] && return 0
  [ -f "$QUERIES_DIR/kg.grass" ] && cmds+=("style http://127.0.0.1:$GUIDE_PORT/kg.grass")
  [ -f "$QUERIES_DIR/guide.html" ] && cmds+=("play http://127.0.0.1:$GUIDE_PORT/guide.html")
  [ ${#cmds[@]} -gt 0 ] || return 0
  local IFS=';'
  printf '%s' "${cmds[*]}" | sed 's/;/; /g'
}

write_conf() {
  mkdir -p "$CONF_DIR" "$DATA" "$LOGS" "$RUN" "$NHOME/import" "$NHOME/plugins"
  local post
  post="$(post_connect_cmd)"
  cat >"$CONF_DIR/neo4j.conf.tmp" <<EOF
# Written by scripts/neo4j-local.sh on every start/admin command: edits here are overwritten.
# Neo4j $(neo4j_version) Community, local development/test server. See docs/neo4j-local.md.
server.directories.data=$DATA
server.directories.logs=$LOGS
server.directories.run=$RUN
server.directories.import=$NHOME/import
server.directories.plugins=$NHOME/plugins
server.directories.lib=$LIB

# Loopback only: nothing is reachable from other machines.
server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.enabled=true
server.bolt.listen_address=127.0.0.1:$BOLT_PORT
server.bolt.advertised_address=127.0.0.1:$BOLT_PORT
server.bolt.tls_level=DISABLED
server.http.enabled=true
server.http.listen_address=127.0.0.1:$HTTP_PORT
server.http.advertised_address=127.0.0.1:$HTTP_PORT
server.https.enabled=false

# Modest memory: the machine is shared with the test suite. The JVM heap itself is set on the java
# command line by the script (KG_NEO4J_HEAP_INITIAL / KG_NEO4J_HEAP); these lines only document it.
server.memory.heap.initial_size=${KG_NEO4J_HEAP_INITIAL:-512m}
server.memory.heap.max_size=${KG_NEO4J_HEAP:-1g}
server.memory.pagecache.size=${KG_NEO4J_PAGECACHE:-512m}

dbms.security.auth_enabled=true
# The HTTP API answers cross-origin requests only from the Browser's own origin (the default "*" would let
# any web page the user visits talk to this server from their browser).
dbms.security.http_access_control_allow_origin=http://127.0.0.1:$HTTP_PORT
dbms.usage_report.enabled=false
client.allow_telemetry=false
db.tx_log.preallocate=false
db.tx_log.rotation.retention_policy=1G size
# Bolt waits 5s + 5s for idle thread pools and connections on shutdown; 1s each keeps stop quick.
internal.server.bolt.thread_pool_shutdown_wait_time=1s
internal.server.bolt.connection_shutdown_wait_time=1s

# Neo4j Browser (served at /browser/ from the neo4j-browser jar on the classpath).
browser.remote_content_hostname_whitelist=guides.neo4j.com,localhost,127.0.0.1
EOF
  if [ -n "$post" ]; then
    printf 'browser.post_connect_cmd=%s\n' "$post" >>"$CONF_DIR/neo4j.conf.tmp"
  fi
  mv "$CONF_DIR/neo4j.conf.tmp" "$CONF_DIR/neo4j.conf"
}

jvm_common_opts() {
  JVM_OPTS=(
    -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+UnlockExperimentalVMOptions -XX:+TrustFinalNonStaticFields
    -XX:+DisableExplicitGC -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true
    -Djdk.tls.ephemeralDHKeySize=2048 -Djdk.tls.rejectClientInitiatedRenegotiation=true
    -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED
    -Dlog4j2.disable.jmx=true -Dlog4j.layout.jsonTemplate.maxStringLength=32768 -Dfile.encoding=UTF-8
  )
  # shellcheck disable=SC2206 # KG_NEO4J_JAVA_OPTS is a list of words on purpose
  [ -z "${KG_NEO4J_JAVA_OPTS:-}" ] || JVM_OPTS+=(${KG_NEO4J_JAVA_OPTS})
}

# Run neo4j-admin (org.neo4j.cli.AdminTool) against this installation, in the foreground.
run_admin() {
  jvm_common_opts
  NEO4J_HOME="$NHOME" NEO4J_CONF="$CONF_DIR" "$JAVA" -Xmx"${KG_NEO4J_ADMIN_HEAP:-1g}" "${JVM_OPTS[@]}" \
    -cp "$LIB/*" "$ADMIN_TOOL" "$@" 9>&-
}

# start without any NEO4J_PASSWORD: make a random one and keep it in the repo's .env (mode 600), where the kg
# code and docker compose read it too. A fixed, well-known default password would be worse than none.
ensure_password() {
  if [ -z "${NEO4J_PASSWORD:-}" ]; then
    local env_file="$ROOT/.env"
    NEO4J_PASSWORD="kg-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
    (umask 077 && touch "$env_file")
    chmod 600 "$env_file"
    printf '\n# written by scripts/neo4j-local.sh start: no password was set\nNEO4J_PASSWORD=%s\n' \
      "$NEO4J_PASSWORD" >>"$env_file"
    export NEO4J_PASSWORD
    say "no NEO4J_PASSWORD was set: generated a random one into $env_file (mode 600)"
  fi
  need_password
}

need_password() {
  [ -n "${NEO4J_PASSWORD:-}" ] ||
    die "NEO4J_PASSWORD is not set: export it or put NEO4J_PASSWORD=... in $ROOT/.env (see .env.example)"
  [ "${#NEO4J_PASSWORD}" -ge 8 ] ||
    die "NEO4J_PASSWORD must have at least 8 characters (Neo4j's minimum, as in the Docker image)"
}

# A salted hash of NEO4J_PASSWORD (salt kept in the stamp file, mode 600): only to notice a changed password.
password_hash() {
  local salt="${1:-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')}"
  printf '%s:%s' "$salt" "$(printf '%s:%s' "$salt" "$NEO4J_PASSWORD" | sha256sum | cut -d' ' -f1)"
}

stamp_matches() {
  local stamp
  stamp="$(cat "$PASSWORD_STAMP")"
  case "$stamp" in
    *:*) [ "$stamp" = "$(password_hash "${stamp%%:*}")" ] ;;
    *)  # an unsalted stamp of an older version: replace it with a salted, private one if it matches
      [ "$stamp" = "$(printf '%s' "$NEO4J_PASSWORD" | sha256sum | cut -d' ' -f1)" ] || return 1
      (umask 077 && password_hash >"$PASSWORD_STAMP.new" && mv "$PASSWORD_STAMP.new" "$PASSWORD_STAMP") ;;
  esac
}

# First start of an empty data directory: set the password like `neo4j-admin dbms set-initial-password`.
# Later starts: the password lives in the system database; only warn if NEO4J_PASSWORD has changed.
init_password() {
  if [ ! -d "$DATA/databases/system" ]; then
    local out argfile rc=0
    # The password goes to neo4j-admin in an @-file (picocli reads its arguments from it), never on a
    # command line that `ps` shows; the file is private (umask 077) and removed at once.
    argfile="$(umask 077 && mktemp "${TMPDIR:-/tmp}/kg-neo4j-pw.XXXXXX")"
    printf '"%s"\n' "$(printf '%s' "$NEO4J_PASSWORD" | sed 's/[\\"]/\\&/g')" >"$argfile"
    out="$(run_admin dbms set-initial-password "@$argfile" 2>&1)" || rc=$?
    rm -f "$argfile"
    if [ "$rc" != 0 ]; then
      printf '%s\n' "$out" | tail -n 20 >&2
      die "neo4j-admin dbms set-initial-password failed"
    fi
    (umask 077 && password_hash >"$PASSWORD_STAMP")
    say "initial password of user neo4j set from NEO4J_PASSWORD"
  elif [ -f "$PASSWORD_STAMP" ] && ! stamp_matches; then
    warn "NEO4J_PASSWORD differs from the one this database was created with, which still applies;" \
      "'scripts/neo4j-local.sh reset' deletes the data so the next start uses NEO4J_PASSWORD"
  fi
}

start_guides() {
  [ "${KG_NEO4J_GUIDES:-1}" = 0 ] && return 0
  [ -d "$QUERIES_DIR" ] || return 0
  guide_pid >/dev/null && return 0
  local py
  py="$(command -v python3 || true)"
  [ -n "$py" ] || { warn "python3 not found: the Browser guide (queries/) is not served"; return 0; }
  if port_open "$GUIDE_PORT"; then
    warn "127.0.0.1:$GUIDE_PORT is taken by another process: queries/ is not served from here (KG_GUIDE_PORT)"
    return 0
  fi
  rm -f "$GUIDE_PID_FILE"
  local setsid="setsid"
  command -v setsid >/dev/null 2>&1 || setsid="command"
  # shellcheck disable=SC2016 # $0/$@ belong to the inner shell
  "$setsid" bash -c 'echo $$ >"$0"; exec "$@"' "$GUIDE_PID_FILE" \
    "$py" "$GUIDE_SERVER" --dir "$QUERIES_DIR" --port "$GUIDE_PORT" --bind 127.0.0.1 \
    </dev/null >>"$LOGS/guides.log" 2>&1 9>&- &
}

stop_guides() {
  local pid
  if pid="$(guide_pid)"; then
    kill -TERM "$pid" 2>/dev/null || true
    wait_gone "$pid" 5 || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$GUIDE_PID_FILE"
}

print_info() {
  say "  bolt://127.0.0.1:$BOLT_PORT  (user neo4j, password from NEO4J_PASSWORD)"
  say "  http://127.0.0.1:$HTTP_PORT/browser/"
  if guide_pid >/dev/null; then say "  guide and style: http://127.0.0.1:$GUIDE_PORT/guide.html, /kg.grass"; fi
  say "  home $NHOME, log $LOGS/neo4j.log"
}

file_size() { if [ -f "$1" ]; then wc -c <"$1" | tr -d ' '; else echo 0; fi; }

# Remember where the logs end before a start, so that a failure shows only what this start wrote.
mark_logs() {
  LOG_MARK_NEO4J="$(file_size "$LOGS/neo4j.log")"
  LOG_MARK_CONSOLE="$(file_size "$CONSOLE_LOG")"
}

log_tail() { # $1: max lines per log
  local f mark text
  for f in "$LOGS/neo4j.log" "$CONSOLE_LOG"; do
    [ -s "$f" ] || continue
    mark=0
    [ "$f" = "$CONSOLE_LOG" ] && mark="${LOG_MARK_CONSOLE:-0}"
    [ "$f" = "$LOGS/neo4j.log" ] && mark="${LOG_MARK_NEO4J:-0}"
    [ "$(file_size "$f")" -ge "$mark" ] || mark=0
    text="$(tail -c +"$((mark + 1))" "$f" | grep -v '^[[:space:]]*$' | tail -n "${1:-30}" || true)"
    [ -n "$text" ] || continue
    printf -- '--- %s (this start) ---\n%s\n' "$f" "$text" >&2
  done
}

# Wait for Bolt and HTTP on server pid $1. Returns 1 if the process died, 2 on timeout.
wait_ready() {
  local pid=$1 deadline=$((SECONDS + START_TIMEOUT))
  while :; do
    if proc_gone "$pid"; then return 1; fi
    if port_open "$BOLT_PORT" && http_ok; then return 0; fi
    [ "$SECONDS" -lt "$deadline" ] || return 2
    sleep 0.5
  done
}

# After the JVM is gone, give the kernel a moment to close its listening sockets (bounded, no error).
wait_ports_closed() {
  local i
  for ((i = 0; i < 50; i++)); do
    port_open "$BOLT_PORT" || port_open "$HTTP_PORT" || return 0
    sleep 0.1
  done
  return 0
}

stop_server() { # $1: seconds before SIGKILL
  local pid
  pid="$(server_pid)" || { rm -f "$PID_FILE"; return 1; }
  kill -TERM "$pid" 2>/dev/null || true
  if ! wait_gone "$pid" "$1"; then
    warn "Neo4j (pid $pid) did not stop within $1s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    wait_gone "$pid" 30 || die "pid $pid survived SIGKILL"
  fi
  rm -f "$PID_FILE"
  wait_ports_closed
  return 0
}

# --- commands ---------------------------------------------------------------------------------------------

cmd_fetch() {
  take_lock
  find_java
  fetch_jars
  say "jars for Neo4j $(neo4j_version) in $LIB"
}

cmd_start() {
  ensure_password
  take_lock
  find_java
  local pid t0=$SECONDS rc=0
  if pid="$(server_pid)"; then
    wait_ready "$pid" || rc=$?
    [ $rc = 0 ] || { log_tail; die "Neo4j is running (pid $pid) but does not answer on Bolt/HTTP"; }
    start_guides
    say "Neo4j $(neo4j_version) is already running (pid $pid)"
    print_info
    return 0
  fi
  rm -f "$PID_FILE"
  fetch_jars
  t0=$SECONDS
  local port
  for port in "$BOLT_PORT" "$HTTP_PORT"; do
    if port_open "$port"; then
      die "127.0.0.1:$port is already in use by another process (another Neo4j, or docker compose?);" \
        "stop it or choose NEO4J_BOLT_PORT / NEO4J_HTTP_PORT"
    fi
  done
  write_conf
  init_password
  jvm_common_opts
  mkdir -p "$LOGS"
  mark_logs
  printf '==== %s start (Neo4j %s, pid file %s) ====\n' "$(date -u +%FT%TZ)" "$(neo4j_version)" "$PID_FILE" \
    >>"$CONSOLE_LOG"
  # setsid: own session, so Ctrl-C in the caller's terminal does not reach the server. The inner shell
  # writes its own pid, then execs java: the pid file is the JVM's pid even if setsid had to fork.
  local setsid="setsid"
  command -v setsid >/dev/null 2>&1 || setsid="command"
  # shellcheck disable=SC2016 # $0/$@ belong to the inner shell
  (cd "$NHOME" && exec "$setsid" bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" \
    "$JAVA" -Xms"${KG_NEO4J_HEAP_INITIAL:-512m}" -Xmx"${KG_NEO4J_HEAP:-1g}" "${JVM_OPTS[@]}" \
    "-Dkg.neo4j.home=$NHOME" -cp "$LIB/*" "$ENTRY_POINT" --home-dir="$NHOME" --config-dir="$CONF_DIR" \
    </dev/null >>"$CONSOLE_LOG" 2>&1 9>&-) &
  local i
  for ((i = 0; i < 100; i++)); do
    pid="$(server_pid)" && break
    sleep 0.1
  done
  [ -n "${pid:-}" ] || { log_tail; die "the Neo4j JVM did not start"; }
  start_guides
  wait_ready "$pid" || rc=$?
  if [ $rc != 0 ]; then
    log_tail 40
    if [ $rc = 2 ]; then
      stop_server 10 || true
      die "Neo4j did not answer on 127.0.0.1:$BOLT_PORT (Bolt) and :$HTTP_PORT (HTTP) within ${START_TIMEOUT}s;" \
        "stopped it (logs above, KG_NEO4J_START_TIMEOUT raises the limit)"
    fi
    rm -f "$PID_FILE"
    die "Neo4j exited during startup (logs above; full logs in $LOGS)"
  fi
  say "Neo4j $(neo4j_version) Community started (pid $pid) in $((SECONDS - t0))s"
  print_info
}

cmd_stop() {
  take_lock
  stop_guides
  if stop_server "$STOP_TIMEOUT"; then say "Neo4j stopped"; else say "Neo4j is not running"; fi
}

cmd_kill() {
  take_lock
  local pid
  if pid="$(server_pid)"; then
    kill -KILL "$pid" 2>/dev/null || true
    wait_gone "$pid" 30 || die "pid $pid survived SIGKILL"
    wait_ports_closed
    say "Neo4j killed (pid $pid, SIGKILL)"
  else
    say "Neo4j is not running"
  fi
  rm -f "$PID_FILE"
  stop_guides
}

cmd_status() {
  local pid
  if pid="$(server_pid)"; then
    if port_open "$BOLT_PORT" && http_ok; then
      say "running (pid $pid): bolt://127.0.0.1:$BOLT_PORT, http://127.0.0.1:$HTTP_PORT/browser/"
    else
      say "running (pid $pid), not answering on Bolt/HTTP yet"
    fi
    return 0
  fi
  say "not running"
  return 3
}

cmd_reset() {
  take_lock
  stop_guides
  stop_server "$STOP_TIMEOUT" || true
  rm -rf "$DATA"
  say "data deleted ($DATA); the next start creates an empty database with NEO4J_PASSWORD"
}

# neo4j-admin against this installation; the import needs the server stopped.
cmd_admin() {
  take_lock
  find_java
  fetch_jars
  write_conf
  local rc=0
  run_admin "$@" || rc=$?
  return $rc
}

cmd_admin_import() {
  [ $# -gt 0 ] || die "usage: $0 admin-import --nodes=... [--relationships=...] [--overwrite-destination] [DATABASE]"
  take_lock
  local pid
  if pid="$(server_pid)"; then
    die "Neo4j is running (pid $pid): run 'scripts/neo4j-local.sh stop' before admin-import"
  fi
  say "neo4j-admin database import full $*"
  cmd_admin database import full "$@"
}

cmd_logs() {
  local n="${1:-50}"
  [ -f "$LOGS/neo4j.log" ] || die "no log yet ($LOGS/neo4j.log)"
  tail -n "$n" "$LOGS/neo4j.log"
}

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'
}

main() {
  local cmd="${1:-}"
  [ $# -gt 0 ] && shift
  case "$cmd" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    restart) cmd_stop && cmd_start ;;
    status) cmd_status ;;
    kill) cmd_kill ;;
    reset) cmd_reset ;;
    fetch) cmd_fetch ;;
    admin-import) cmd_admin_import "$@" ;;
    admin) cmd_admin "$@" ;;
    logs) cmd_logs "$@" ;;
    -h | --help | help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"
