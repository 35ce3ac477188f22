import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('oomguard') }
assert runs.size() == 2 : "two invocations in build.log, found ${runs.size()}"

assert runs[0].contains('oomguard cannot analyze broken-build: its sources do not compile (1 error):')
assert runs[0] =~ /src\/main\/java\/com\/example\/Totals\.java:\[6,12\] cannot find symbol/
assert runs[0].contains('BUILD FAILURE')

// The index JVM starts first with the same jvmArgs, so it is the one that reports them.
assert runs[1] =~ /The oomguard index JVM exited with status [1-9]\d*\. Last lines of its output:/
assert runs[1].contains('NoSuchVmOption')
assert runs[1].contains('BUILD FAILURE')

// Each failed run replaced the earlier report with one that says it failed and why, and has no
// results (SARIF reads an empty result list as "ran and found nothing").
def report = new File(basedir, 'target/oomguard/oomguard.sarif')
assert !report.text.contains('StaleFinding')
def invocation = new JsonSlurper().parse(report).runs[0].invocations[0]
assert invocation.executionSuccessful == false
assert invocation.toolExecutionNotifications[0].message.text.contains('index JVM exited with status')
assert new JsonSlurper().parse(report).runs[0].results == null
return true
