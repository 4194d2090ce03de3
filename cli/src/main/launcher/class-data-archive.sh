#!/bin/sh
# Writes the class data archive the gpu-train launcher uses (docs/performance.md): the classes that 'metrics diff',
# 'params diff', 'report' and '--version' load on the guide project (main committed, the workspace on top), listed
# by one run of each and archived by -Xshare:dump, with the JVM of the build. A static archive: JDK 17's dynamic
# one (-XX:ArchiveClassesAtExit) leaves out picocli, whose classes are Java 5 class files.
# Usage: class-data-archive.sh JAVA JAR FIXTURE ARCHIVE
set -eu
java=$1 jar=$2 fixture=$3 archive=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
project=$work/project
mkdir "$project"
cp -R "$fixture/main/." "$project/"
git -C "$project" init -q -b main
git -C "$project" add -A
git -C "$project" -c user.name=gpu-train -c user.email=build@localhost -c commit.gpgsign=false commit -q -m main
cp -R "$fixture/workspace/." "$project/"
cd "$project"
run=0
for command in "metrics diff main --md" "params diff main --md" "report --baseline main --out $work/report" \
    "--version"; do
    run=$((run + 1))
    # shellcheck disable=SC2086 # the command is a list of words
    "$java" -XX:DumpLoadedClassList="$work/$run.classes" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
        -jar "$jar" $command >/dev/null 2>&1
done
# One list: a class once, in the order first loaded; the ids are per run, and only unregistered classes need them.
# Without the lambdas that implement or call picocli's interfaces: archiving one links its picocli classes at dump
# time, and a linked Java 5 class is left out of the archive ("Old class has been linked"), picocli.CommandLine and
# its 30 converters with it. Those lambdas are made at run time instead.
cat "$work"/*.classes | sed -E 's/ id: [0-9]+$//' | awk '!/^#/ && !/^@lambda-proxy .*picocli\// && !seen[$0]++' \
    >"$work/classes"
rm -f "$archive"
"$java" -Xshare:dump -XX:SharedClassListFile="$work/classes" -XX:SharedArchiveFile="$archive" -Xlog:cds=off \
    -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$jar" >/dev/null
