#!/usr/bin/env bash
# A real Apache Kafka broker (KRaft, single node, loopback only) from Maven Central jars.
#
#   deploy/kafka.sh start  [--port 9092] [--dir DIR]   resolve jars, format storage, start, wait until ready
#   deploy/kafka.sh stop   [--dir DIR]                 stop by pid (SIGTERM, then SIGKILL after 30 s)
#   deploy/kafka.sh kill   [--dir DIR]                 SIGKILL, as a crash would (the data stay; start resumes)
#   deploy/kafka.sh status [--dir DIR]
#
# DIR defaults to .run/kafka under the repository; it holds the config, data, log and pid file.
# The jars are cached in ${DREAMLOOP_CACHE:-~/.cache/dreamloop}/kafka-<version>.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
# shellcheck source=deploy/java-env.sh
source "$here/java-env.sh"

cmd=${1:-}
[ $# -gt 0 ] && shift
port=9092
dir="$root/.run/kafka"
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    *) echo "kafka.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
controller_port=$((port + 1))
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
pidfile="$dir/broker.pid"

kafka_version() {
  sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$root/pom.xml" | head -n 1
}

resolve_jars() {
  local version libs
  version=$(kafka_version)
  libs="${DREAMLOOP_CACHE:-$HOME/.cache/dreamloop}/kafka-$version/libs"
  if [ ! -f "$libs/.complete" ]; then
    echo "kafka.sh: resolving Apache Kafka $version from Maven Central into $libs" >&2
    rm -rf "$libs" && mkdir -p "$libs"
    "$root/mvnw" -q -B -f "$here/broker/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$libs" -DincludeScope=runtime >&2
    touch "$libs/.complete"
  fi
  echo "$libs"
}

running() {
  [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

write_config() {
  cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
message.max.bytes=1048588
PROPS
  cat > "$dir/log4j2.properties" <<'PROPS'
status = warn
appender.file.type = File
appender.file.name = file
appender.file.fileName = ${sys:kafka.logs.dir}/server.log
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.file.ref = file
logger.kafka.name = org.apache.kafka
logger.kafka.level = warn
logger.kafkaserver.name = kafka
logger.kafkaserver.level = info
PROPS
}

start() {
  if running; then
    echo "kafka.sh: broker already running (pid $(cat "$pidfile")) on 127.0.0.1:$port"
    return 0
  fi
  local libs cluster_id
  libs=$(resolve_jars)
  write_config
  if [ ! -f "$dir/data/meta.properties" ]; then
    cluster_id=$("$JAVA" -cp "$libs/*" kafka.tools.StorageTool random-uuid)
    "$JAVA" -cp "$libs/*" -Dlog4j2.configurationFile="$dir/log4j2.properties" -Dkafka.logs.dir="$dir" \
      kafka.tools.StorageTool format -t "$cluster_id" -c "$dir/server.properties" >"$dir/format.log" 2>&1 \
      || { cat "$dir/format.log" >&2; exit 1; }
  fi
  : >"$dir/server.log"
  nohup "$JAVA" -Xms256m -Xmx768m -XX:+UseG1GC -cp "$libs/*" \
    -Dlog4j2.configurationFile="$dir/log4j2.properties" -Dkafka.logs.dir="$dir" \
    kafka.Kafka "$dir/server.properties" >"$dir/stdout.log" 2>&1 &
  echo $! >"$pidfile"
  local waited=0
  until grep -q "Kafka Server started" "$dir/server.log" 2>/dev/null; do
    if ! running; then
      echo "kafka.sh: broker exited during start; last lines of $dir/stdout.log and server.log:" >&2
      tail -n 20 "$dir/stdout.log" "$dir/server.log" >&2
      rm -f "$pidfile"
      exit 1
    fi
    if [ $waited -ge 120 ]; then
      echo "kafka.sh: broker not ready after 60 s; see $dir/server.log" >&2
      stop
      exit 1
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
  echo "kafka.sh: broker ready on 127.0.0.1:$port (pid $(cat "$pidfile"), data in $dir)"
}

stop() {
  if ! running; then
    rm -f "$pidfile"
    echo "kafka.sh: no broker running for $dir"
    return 0
  fi
  local pid waited=0
  pid=$(cat "$pidfile")
  kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null; do
    if [ $waited -ge 60 ]; then
      echo "kafka.sh: broker $pid did not stop in 30 s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
  rm -f "$pidfile"
  echo "kafka.sh: broker stopped (pid $pid)"
}

crash() {
  if ! running; then
    rm -f "$pidfile"
    echo "kafka.sh: no broker running for $dir"
    return 0
  fi
  local pid
  pid=$(cat "$pidfile")
  kill -KILL "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  rm -f "$pidfile"
  echo "kafka.sh: broker killed (pid $pid)"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  kill) crash ;;
  status) if running; then echo "running (pid $(cat "$pidfile"))"; else echo "stopped"; exit 3; fi ;;
  *) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
