# .ci/apt.sh — sourced: apt_install PACKAGE... runs apt-get update and
# apt-get install for the packages (as root), waiting for the package
# locks instead of failing at once when another process holds them
# (unattended-upgrades, cloud-init, a parallel CI job):
#
# - the dpkg lock (/var/lib/dpkg/lock-frontend): apt-get's own wait,
#   -o DPkg::Lock::Timeout, on every apt-get call;
# - the lists lock of `apt-get update` (/var/lib/apt/lists/lock), which
#   that option does not cover (apt 2.6 fails at once): retried every 2 s.
#
# Both waits end after APT_LOCK_WAIT seconds (default 300). Output goes
# to stderr.

APT_LOCK_WAIT=${APT_LOCK_WAIT:-300}

apt_get() {
	DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout="$APT_LOCK_WAIT" "$@"
}

apt_update() {
	local start=$SECONDS out
	while ! out=$(apt_get update -qq 2>&1); do
		if ! grep -q 'Could not get lock' <<<"$out" || [ $((SECONDS - start)) -ge "$APT_LOCK_WAIT" ]; then
			printf '%s\n' "$out" >&2
			return 1
		fi
		sleep 2
	done
	[ -z "$out" ] || printf '%s\n' "$out" >&2
}

apt_install() {
	apt_update && apt_get install -y -qq --no-install-recommends "$@" >&2
}
