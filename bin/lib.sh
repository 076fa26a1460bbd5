# Shell functions shared by bin/local-stack and the scripts under vagrant/: sourced, not run.
#
#   source "$ROOT/bin/lib.sh"
#
# The sourcing script defines log() (its own prefix and stream) and runs with set -euo pipefail.

# wait_until <seconds> <interval> <command...>: runs the command every <interval> seconds until it
# succeeds (status 0) or <seconds> have passed (status 1). The command's output is the caller's:
# redirect it there, or pass the command through quietly.
wait_until() {
  local deadline=$((SECONDS + $1)) interval=$2
  shift 2
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep "$interval"
  done
}

# quietly <command...>: the command with its output discarded, its status kept.
quietly() { "$@" >/dev/null 2>&1; }

DOCKERD_PID=""

# start_dockerd: starts dockerd in the background unless a Docker daemon answers already, and
# waits up to 60 s for it. Sets DOCKERD_PID when it started one, so stop_dockerd stops only that.
# Status 1, with dockerd's last log lines, if it does not come up.
start_dockerd() {
  command -v docker >/dev/null 2>&1 || { log "no docker on PATH (apt-get install docker.io)"; return 1; }
  docker info >/dev/null 2>&1 && return 0
  command -v dockerd >/dev/null 2>&1 || { log "no dockerd on PATH (apt-get install docker.io)"; return 1; }
  local logfile
  logfile="$(mktemp -t vpm-dockerd.XXXXXX.log)"
  log "starting dockerd (log: $logfile)"
  # nohup: the daemon outlives the script that started it unless stop_dockerd stops it.
  nohup dockerd >"$logfile" 2>&1 &
  DOCKERD_PID=$!
  wait_until 60 1 dockerd_answers_or_died || true
  if ! docker info >/dev/null 2>&1; then
    tail -20 "$logfile" >&2
    log "dockerd did not come up within 60 s"
    return 1
  fi
}

dockerd_answers_or_died() { docker info >/dev/null 2>&1 || ! kill -0 "$DOCKERD_PID" 2>/dev/null; }

# stop_dockerd: stops the dockerd that start_dockerd started, if it did.
stop_dockerd() {
  if [[ -n "$DOCKERD_PID" ]]; then
    log "stopping the dockerd this run started (pid $DOCKERD_PID)"
    kill "$DOCKERD_PID" 2>/dev/null || true
    wait "$DOCKERD_PID" 2>/dev/null || true
    DOCKERD_PID=""
  fi
}

# require_lab_network <address...>: exits with "the lab is not up" unless this machine holds an
# address on each target's /24 (the lab's Docker or libvirt bridge). Without it, probes to a lab
# address would follow the default route out of the machine, to whatever answers there.
require_lab_network() {
  local target net
  for target in "$@"; do
    net="${target%.*}."
    if ! ip -o -4 addr show 2>/dev/null | awk -v net="$net" 'index($4, net) == 1 {found = 1} END {exit !found}'; then
      log "the lab is not up: no address of this machine is on ${net}0/24 (for $target); start it first"
      exit 1
    fi
  done
}

# address_of <url|host:port>: the host part (http://192.168.56.11:8081 -> 192.168.56.11).
address_of() { local a="${1#*://}"; a="${a%%/*}"; echo "${a%:*}"; }

# --- the build output the labs deploy (vagrant/lab, vagrant/vmlab) -------------------------------
# Each artifact (a glob under the checkout), then the sources it is built from: an artifact older
# than any of them would deploy yesterday's code without a word.
LAB_ARTIFACTS=(
  "dist/target/vpm-zookeeper-*.tar.gz pom.xml dist/pom.xml dist/src dist/zookeeper"
  "dist/target/vpm-kafka-*.tar.gz pom.xml dist/pom.xml dist/src dist/kafka"
  "dist/target/vpm-flink-*.tar.gz pom.xml dist/pom.xml dist/src dist/flink"
  "dist/target/kafka/agents/jmx_prometheus_javaagent.jar" # a downloaded jar: it keeps its own date
  "kafka-admin/target/vpm-kafka-admin.jar pom.xml cli kafka-admin/pom.xml kafka-admin/src/main"
  "job/target/vpm-job.jar pom.xml cli job/pom.xml job/src/main"
  "simulator/target/vpm-simulator.jar pom.xml cli simulator/pom.xml simulator/src/main"
  "portal/target/vpm-portal.jar pom.xml cli portal/pom.xml portal/src/main"
)

# lab_artifacts_problem: prints one line saying which build output is missing or older than its
# sources (and how to rebuild), or nothing when everything is there and current. Needs ROOT.
lab_artifacts_problem() {
  local missing=() stale=() entry artifact newer f
  local -a parts sources
  for entry in "${LAB_ARTIFACTS[@]}"; do
    read -ra parts <<<"$entry"
    artifact="$(compgen -G "$ROOT/${parts[0]}" | head -n 1)" || true
    if [[ -z "$artifact" ]]; then
      missing+=("${parts[0]}")
      continue
    fi
    sources=()
    for f in "${parts[@]:1}"; do
      [[ -e "$ROOT/$f" ]] && sources+=("$ROOT/$f")
    done
    ((${#sources[@]} > 0)) || continue
    newer="$(find "${sources[@]}" -type f ! -path '*/target/*' -newer "$artifact" -print -quit)"
    [[ -z "$newer" ]] || stale+=("${artifact#"$ROOT"/} is older than ${newer#"$ROOT"/}")
  done
  if ((${#missing[@]} > 0)); then
    echo "build output missing: ${missing[*]} (run ./mvnw -B verify first)"
  elif ((${#stale[@]} > 0)); then
    local joined
    printf -v joined '%s; ' "${stale[@]}"
    echo "build output older than its sources: ${joined%; } (rebuild: ./mvnw -B package -DskipTests)"
  fi
}

# lab_copy_artifacts <dir>: copies the build output into <dir> (emptied first), keeping the
# checkout's layout (dist/target/..., job/target/...), which the playbook reads as vpm_artifacts_dir.
lab_copy_artifacts() {
  local dir="$1" entry f
  local -a parts matches
  rm -rf "$dir"
  for entry in "${LAB_ARTIFACTS[@]}"; do
    read -ra parts <<<"$entry"
    mapfile -t matches < <(compgen -G "$ROOT/${parts[0]}") # one per line: a checkout path may hold spaces
    for f in "${matches[@]}"; do
      f="${f#"$ROOT"/}"
      mkdir -p "$dir/$(dirname "$f")"
      cp -p "$ROOT/$f" "$dir/$f"
    done
  done
}

# use_ansible_strategy <default>: the playbook strategy of every run a lab script starts (up's,
# and e2e's through `vagrant provision`), from VPM_ANSIBLE_STRATEGY, else <default>:
# mitogen_linear (Debian's ansible-mitogen keeps one Python per machine running instead of
# starting one per task and importing Ansible's module code anew) or linear (plain Ansible).
# Mitogen's connection start (sending itself) took longer than the 30 s Vagrant passes as
# --timeout on a loaded TCG VM: ANSIBLE_TIMEOUT, which the Vagrantfile passes instead, gets 300 s.
# Exits with one line when the value is wrong or Mitogen is missing.
use_ansible_strategy() {
  local strategy="${VPM_ANSIBLE_STRATEGY:-$1}" python
  case "$strategy" in
    linear) log "playbook strategy: linear"; return 0 ;;
    mitogen_linear) ;;
    *) die "VPM_ANSIBLE_STRATEGY must be mitogen_linear or linear, not '$strategy'" ;;
  esac
  # Asked of the Python that runs ansible-playbook (its #! line), not whichever python3 is first.
  python="$(sed -n '1s/^#! *//p' "$(command -v ansible-playbook)")"
  $python -c 'import ansible_mitogen' 2>/dev/null \
    || die "VPM_ANSIBLE_STRATEGY=$strategy needs Debian's ansible-mitogen (apt-get install ansible-mitogen), or set it to linear"
  export ANSIBLE_STRATEGY="$strategy" ANSIBLE_TIMEOUT="${ANSIBLE_TIMEOUT:-300}"
  log "playbook strategy: $strategy"
}
