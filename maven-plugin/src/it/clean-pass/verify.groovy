import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('oomguard: analyzing 1 source file with')
assert log.contains('oomguard: 0 findings (0 errors, 0 warnings), 0 suppressed in source; report: target/oomguard/oomguard.sarif')
assert log.contains('BUILD SUCCESS')

def sarif = new JsonSlurper().parse(new File(basedir, 'target/oomguard/oomguard.sarif'))
assert sarif.runs[0].results.isEmpty()
assert sarif.runs[0].tool.driver.rules*.id.contains('OomSafeWithoutReason')

// Both JVMs start with the client JIT compiler only, and the user's jvmArgs come after that flag.
['jvm-arguments.txt', 'index-jvm-arguments.txt'].each { name ->
    def arguments = new File(basedir, "target/oomguard/work/${name}").readLines()*.replaceAll('^"|"$', '')
    def plugins = arguments.indexOf('-XX:TieredStopAtLevel=1')
    def users = arguments.indexOf('-XX:TieredStopAtLevel=4')
    assert plugins >= 0 && users > plugins : "${name}: ${arguments}"
}
// The annotations jar user code compiles against has a stable module name.
def annotations = new File(localRepositoryPath,
    "io/oomguard/oomguard-annotations/${projectVersion}/oomguard-annotations-${projectVersion}.jar")
assert new java.util.jar.JarFile(annotations).manifest.mainAttributes.getValue('Automatic-Module-Name') ==
    'io.oomguard.annotations'
return true
