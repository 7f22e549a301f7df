#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for the cluster tests and for trying the
# slurm commands: `scripts/slurm-local.sh start DIR` starts munged, slurmctld and slurmd
# (as root) with their configuration, state, spool, sockets and logs under DIR and
# non-default ports, and waits until the node takes jobs; `scripts/slurm-local.sh stop
# DIR` cancels the cluster's jobs and stops the three daemons by the process ids it
# recorded. Clients reach this cluster through SLURM_CONF=DIR/slurm.conf.
# Needs the Debian packages slurm-wlm and munge (apt-get install slurm-wlm munge).
set -euo pipefail

cmd="${1:-}"
dir="${2:-}"
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
export SLURM_CONF="$dir/slurm.conf"
port="${PRUNESCOPE_SLURM_PORT:-16817}"

stop_pid() {  # stop_pid NAME: the daemon whose id DIR/NAME.pid holds, by that id only
  local f="$dir/$1.pid"
  [ -f "$f" ] || return 0
  local pid
  pid="$(cat "$f")"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

if [ "$cmd" = "stop" ]; then
  if [ -f "$dir/slurmctld.pid" ]; then scancel --full --quiet --user="$(id -un)" 2>/dev/null || true; sleep 1; fi
  stop_pid slurmd
  stop_pid slurmctld
  stop_pid munged
  exit 0
fi
[ "$cmd" = "start" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

[ "$(id -u)" = 0 ] || { echo "slurm-local: slurmctld and slurmd run as root here; run as root" >&2; exit 3; }
for b in munged mungekey slurmctld slurmd sbatch sinfo; do
  command -v "$b" > /dev/null || { echo "slurm-local: $b not found (apt-get install slurm-wlm munge)" >&2; exit 3; }
done

host="$(hostname -s)"
node="$(slurmd -C | head -1 | sed 's/ UpTime=.*//')"
mkdir -p "$dir/state" "$dir/spool" "$dir/log" "$dir/munge"
chmod 700 "$dir/munge"
[ -f "$dir/munge/munge.key" ] || mungekey --create --keyfile="$dir/munge/munge.key" 2>/dev/null ||
  { dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none; }
chmod 400 "$dir/munge/munge.key"
cat > "$SLURM_CONF" <<CONF
# One-node test cluster written by scripts/slurm-local.sh
ClusterName=prunescope
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.daemon.pid
SlurmdPidFile=$dir/slurmd.daemon.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SwitchType=switch/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MinJobAge=3600
KillWait=5
SlurmctldTimeout=30
SlurmdTimeout=30
$node State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF

start_daemon() {  # start_daemon NAME COMMAND...: in the foreground of a background shell, id recorded
  local name="$1"
  shift
  "$@" > "$dir/log/$name.out" 2>&1 &
  echo $! > "$dir/$name.pid"
}
start_daemon munged munged --foreground --force --socket="$dir/munge/munge.socket" \
  --key-file="$dir/munge/munge.key" --pid-file="$dir/munge/munged.pid" --log-file="$dir/log/munged.log" \
  --seed-file="$dir/munge/munged.seed"
for _ in $(seq 50); do [ -S "$dir/munge/munge.socket" ] && break; sleep 0.1; done
start_daemon slurmctld slurmctld -D -c -f "$SLURM_CONF"
start_daemon slurmd slurmd -D -f "$SLURM_CONF"
for _ in $(seq 300); do
  state="$(sinfo -h -n "$host" -o %t 2>/dev/null || true)"
  if [ "$state" = "idle" ]; then
    echo "slurm-local: one-node cluster up on $host ($dir); SLURM_CONF=$SLURM_CONF"
    exit 0
  fi
  sleep 0.2
done
echo "slurm-local: the node did not become idle in 60 s (state '$state'); logs in $dir/log" >&2
"$0" stop "$dir"
exit 1
