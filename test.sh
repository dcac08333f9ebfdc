#!/usr/bin/env bash
# Runs Cairn's whole test suite: ./test.sh [extra dotnet test arguments, e.g. --filter Name~Replay]
#
# On a fresh Debian machine with the .NET SDK it first installs what the tests need: PostgreSQL's server
# binaries (the tests start their own private server) and Debian's chromium (the web UI tests drive it).
# Builds once, runs every test project (in parallel), and ends with one line "N passed, N failed[, N
# skipped]". The exit code is the test result.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export MLFLOW_DISABLE_TELEMETRY=true DO_NOT_TRACK=true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
configuration=Debug

have_postgres() {
    compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}

ensure_postgres() {
    if [[ -n "${CAIRN_TEST_POSTGRES:-}" ]] || have_postgres; then
        return 0
    fi
    if [[ $(id -u) -ne 0 ]]; then
        echo "test.sh: PostgreSQL is not installed and this is not root, so it is not installed now;" >&2
        echo "         the PostgreSQL tests will fail. Install it with: sudo apt-get install -y postgresql" >&2
        return 0
    fi
    echo "test.sh: installing postgresql (apt-get) ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    # The tests start private servers; keep the package from creating and starting a default one.
    apt-get install -y -qq postgresql-common >/dev/null
    if [[ -f /etc/postgresql-common/createcluster.conf ]]; then
        sed -i 's/^#\?\s*create_main_cluster\s*=.*/create_main_cluster = false/' /etc/postgresql-common/createcluster.conf
    fi
    apt-get install -y -qq postgresql >/dev/null
    have_postgres || { echo "test.sh: postgresql was installed but initdb is still missing" >&2; exit 1; }
}

# The web UI's tests drive Debian's chromium through Playwright (never a downloaded browser).
ensure_chromium() {
    if [[ -n "${CAIRN_TEST_CHROMIUM:-}" ]] || [[ -x /usr/bin/chromium ]]; then
        return 0
    fi
    if [[ $(id -u) -ne 0 ]]; then
        echo "test.sh: chromium is not installed and this is not root, so it is not installed now;" >&2
        echo "         the web UI tests will fail. Install it with: sudo apt-get install -y chromium" >&2
        return 0
    fi
    echo "test.sh: installing chromium (apt-get) ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq chromium >/dev/null
    [[ -x /usr/bin/chromium ]] || { echo "test.sh: chromium was installed but /usr/bin/chromium is missing" >&2; exit 1; }
}

# Sums the TRX counters of every test project into one line the CI can read.
summarize() {
    local passed=0 failed=0 skipped=0 files=0 counters value
    while IFS= read -r -d '' trx; do
        files=$((files + 1))
        counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1) || continue
        for name in passed failed error timeout aborted notExecuted; do
            value=$(sed -n "s/.* ${name}=\"\([0-9]*\)\".*/\1/p" <<<"$counters")
            value=${value:-0}
            case $name in
                passed) passed=$((passed + value)) ;;
                notExecuted) skipped=$((skipped + value)) ;;
                *) failed=$((failed + value)) ;;
            esac
        done
    done < <(find tests -path '*/TestResults/*' -name '*.trx' -print0)
    local line="$passed passed, $failed failed"
    if ((skipped > 0)); then line+=", $skipped skipped"; fi
    echo
    echo "$line"
    if ((files == 0)); then echo "test.sh: no test results were written" >&2; fi
}

ensure_postgres
ensure_chromium

echo "test.sh: building ($configuration) ..."
if ! dotnet build Cairn.slnx -c "$configuration" -v q -nologo; then
    echo "test.sh: the build failed; no tests were run" >&2
    echo
    echo "0 passed, 1 failed"
    exit 1
fi

find tests -path '*/TestResults/*' -name '*.trx' -delete 2>/dev/null || true
status=0
dotnet test Cairn.slnx -c "$configuration" --no-build -nologo \
    --logger "trx" --logger "console;verbosity=minimal" "$@" || status=$?
summarize
exit "$status"
