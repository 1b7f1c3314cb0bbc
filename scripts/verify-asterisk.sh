#!/usr/bin/env bash
# Checks that an Asterisk is ready for the orchestrator, over AMI, with nothing but bash:
# it logs in with the orchestrator's account, reads the version, and checks the modules and
# the dialplan contexts the AMI adapter needs (asterisk-conf/, docs/asterisk.md).
#
#   scripts/verify-asterisk.sh HOST [PORT] [USERNAME]        (the secret is read from ORCH_AMI_SECRET or asked for)
#
# Exit status 0 when everything is in place, 1 when something is missing (each problem is printed with its fix).
set -uo pipefail

host="${1:?usage: scripts/verify-asterisk.sh HOST [PORT] [USERNAME]}"
port="${2:-5038}"
user="${3:-orchestrator}"
secret="${ORCH_AMI_SECRET:-}"
if [ -z "$secret" ]; then
  read -r -s -p "AMI secret for $user: " secret
  echo
fi

exec 3<>"/dev/tcp/$host/$port" || { echo "✗ cannot connect to $host:$port — is manager.conf enabled = yes, bindaddr reachable, port $port open?"; exit 1; }
trap 'exec 3>&-' EXIT

# Reads one AMI message (up to the empty line) into $reply; the banner is one line of its own.
read_message() {
  reply=""
  local line
  while IFS= read -r -t 5 line <&3; do
    line="${line%$'\r'}"
    [ -z "$line" ] && return 0
    reply+="$line"$'\n'
  done
  return 1
}

# Sends an action (name, then "Header: value" arguments) and reads messages until its response (and, for
# lists, the events up to "EventList: Complete") has arrived; everything read is in $answer.
send() {
  local id="verify-$RANDOM$RANDOM" action="$1"; shift
  printf 'Action: %s\r\nActionID: %s\r\n' "$action" "$id" >&3
  for header in "$@"; do printf '%s\r\n' "$header" >&3; done
  printf '\r\n' >&3
  answer=""
  local listing=0
  while read_message; do
    case "$reply" in *"ActionID: $id"*) ;; *) continue ;; esac
    answer+="$reply"$'\n'
    case "$reply" in *"EventList: start"*) listing=1 ;; esac
    if [ "$listing" -eq 0 ] || [[ "$reply" == *"EventList: Complete"* ]]; then return 0; fi
  done
  return 1
}

problems=0
ok() { echo "✓ $*"; }
bad() { echo "✗ $*"; problems=$((problems + 1)); }

IFS= read -r -t 5 banner <&3 || { echo "✗ no AMI banner from $host:$port"; exit 1; }
ok "connected: ${banner%$'\r'}"

send Login "Username: $user" "Secret: $secret" "Events: off"
if [[ "$answer" != *"Response: Success"* ]]; then
  bad "login refused for '$user': check its [$user] section in manager.conf (secret, permit/deny for this host)"
  exit 1
fi
ok "logged in as $user"

send CoreSettings
version=$(grep -m1 '^AsteriskVersion:' <<<"$answer" | cut -d' ' -f2)
ok "Asterisk $version (AMI $(grep -m1 '^AMIversion:' <<<"$answer" | cut -d' ' -f2))"

for module in app_confbridge.so app_amd.so app_mixmonitor.so app_chanspy.so res_stasis.so; do
  send ModuleCheck "Module: $module"
  if [[ "$answer" == *"Response: Success"* ]]; then ok "module $module loaded"; else bad "module $module is not loaded: load it in modules.conf (needed for $(case $module in app_confbridge.so) echo agent legs;; app_amd.so) echo answering-machine detection;; app_mixmonitor.so) echo recording;; app_chanspy.so) echo listen/whisper/barge;; *) echo the ARI adapter;; esac))"; fi
done

for context in orchestrator-customer orchestrator-agent orchestrator-connect orchestrator-safe-harbor orchestrator-transfer orchestrator-spy; do
  send ShowDialPlan "Context: $context"
  if [[ "$answer" == *"Event: ListDialplan"* ]]; then ok "dialplan context [$context] present"; else bad "dialplan context [$context] missing: #include extensions_orchestrator.conf from extensions.conf, then 'dialplan reload'"; fi
done

send Logoff
if [ "$problems" -eq 0 ]; then
  echo "Asterisk at $host:$port is ready for the orchestrator."
  exit 0
fi
echo "$problems problem(s) found."
exit 1
