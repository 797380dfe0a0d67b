#!/usr/bin/env bash
# Installs Leadcast SCIM onto a stopped stock WildFly of the version the pom names:
#
#     mvn package -DskipTests            # builds target/leadcast-scim.war and target/jdbc/ (the JDBC drivers)
#     wildfly-config/install.sh /opt/wildfly [path/to/leadcast-scim.war]
#
# It adds the PostgreSQL and MariaDB driver modules, configures standalone.xml in one batch through the embedded CLI
# (stock-wildfly.cli, then leadcast-scim.cli, the same script the provisioned server is built with), copies the SCIM
# error page of a suspended server, and deploys the WAR. Run again (a new WAR, a new version of the scripts), it
# leaves the same server: the first run keeps the configuration as it found it in standalone.xml.pre-leadcast and
# every run starts from that copy, so change standalone.xml through the CLI scripts, or re-apply your own changes
# after an install. Nothing needs a reload: start the server with bin/standalone.sh (README, "Your own WildFly").
# LEADCAST_SERVER_CONFIG names another configuration file of standalone/configuration (default standalone.xml).
set -euo pipefail

usage() {
    echo "usage: $0 JBOSS_HOME [WAR]" >&2
    exit 2
}

[ $# -ge 1 ] && [ $# -le 2 ] || usage
here="$(cd "$(dirname "$0")" && pwd)"
project="$(dirname "$here")"
jboss_home="$(cd "$1" 2>/dev/null && pwd)" || { echo "install.sh: $1 is not a directory" >&2; exit 1; }
war="${2:-$project/target/leadcast-scim.war}"
jdbc="$project/target/jdbc"
config="${LEADCAST_SERVER_CONFIG:-standalone.xml}"
configuration="$jboss_home/standalone/configuration"
cli="$jboss_home/bin/jboss-cli.sh"

fail() {
    echo "install.sh: $*" >&2
    exit 1
}

[ -x "$cli" ] || fail "$jboss_home is not a WildFly installation (no bin/jboss-cli.sh)"
[ -f "$configuration/$config" ] || fail "no $configuration/$config"
[ -f "$war" ] || fail "no WAR at $war: run 'mvn package -DskipTests' first, or give the WAR's path"
for jar in postgresql.jar mariadb-java-client.jar; do
    [ -f "$jdbc/$jar" ] || fail "no $jdbc/$jar: run 'mvn package -DskipTests' first"
done
if pgrep -f -- "-Djboss.home.dir=$jboss_home( |$)" >/dev/null 2>&1; then
    fail "a server of $jboss_home is running: stop it first (the configuration is written while it is stopped)"
fi
expected="$(sed -n 's:.*<version.wildfly>\(.*\)</version.wildfly>.*:\1:p' "$project/pom.xml" | head -n 1)"
actual="$(JAVA_OPTS= "$jboss_home/bin/standalone.sh" --version 2>/dev/null | sed -n 's/.*WildFly \([0-9][^ ]*\) .*/\1/p' | head -n 1)"
if [ -n "$expected" ] && [ "$actual" != "$expected" ]; then
    fail "$jboss_home is WildFly ${actual:-of an unknown version}; Leadcast SCIM is built and tested for WildFly $expected"
fi

# 1. the configuration as found before the first install, which every install starts from
if [ ! -f "$configuration/$config.pre-leadcast" ]; then
    cp -p "$configuration/$config" "$configuration/$config.pre-leadcast"
fi
cp -p "$configuration/$config.pre-leadcast" "$configuration/$config"

# 2. the JDBC driver modules (replaced, so a newer driver of a newer build is taken)
for module in org/postgresql:postgresql.jar org/mariadb/jdbc:mariadb-java-client.jar; do
    path="${module%%:*}"
    rm -rf "$jboss_home/modules/$path/main"
    "$cli" --command="module add --name=${path//\//.} --resources=$jdbc/${module##*:} --dependencies=java.se,jakarta.transaction.api" >/dev/null
done

# 3. the configuration: a stock server's missing subsystems (stock-wildfly.cli), then leadcast-scim.cli in one batch
batch="$(mktemp)"
trap 'rm -f "$batch" "$batch.out"' EXIT
apply() { # a CLI file against the stopped server; on failure the configuration is put back as it was
    if ! "$cli" --file="$1" > "$batch.out" 2>&1; then
        cat "$batch.out" >&2
        cp -p "$configuration/$config.pre-leadcast" "$configuration/$config"
        fail "$2 failed (above); $config is as it was before the install"
    fi
}
# a stock server's missing subsystems, in a session of their own: a batch is checked against the subsystems that
# exist when it starts, and a capability the removed metrics subsystem held is free only after the session
{
    echo "embed-server --server-config=$config --std-out=discard"
    grep -v '^[[:space:]]*\(#\|$\)' "$here/stock-wildfly.cli"
    echo "stop-embedded-server"
} > "$batch"
apply "$batch" "stock-wildfly.cli"
{
    echo "embed-server --server-config=$config --std-out=discard"
    echo "batch"
    grep -v '^[[:space:]]*\(#\|$\)' "$here/leadcast-scim.cli"
    echo "run-batch"
    echo "stop-embedded-server"
} > "$batch"
apply "$batch" "the batch of leadcast-scim.cli"

# 4. files the configuration refers to, and the application
cp -R "$here/server-content/standalone/." "$jboss_home/standalone/"
rm -f "$jboss_home/standalone/deployments/leadcast-scim.war".*
cp "$war" "$jboss_home/standalone/deployments/leadcast-scim.war"
echo "Leadcast SCIM is installed in $jboss_home ($config): start it with $jboss_home/bin/standalone.sh"
