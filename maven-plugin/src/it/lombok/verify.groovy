import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert !log.contains('do not compile') : 'the analysis must run Lombok like the compiler does'
assert !log.contains('unhandled exception') : 'no check may crash on a Lombok class'
assert !log.contains('oomguard: internal error') : 'no check may fail on a Lombok class'
assert log.contains('[ERROR] src/main/java/com/example/Order.java:[15,3] [OomSafeWithoutReason]')
// The fixes of both checks are built and shown on the class Lombok added members to.
assert log.contains('src/main/java/com/example/ReportService.java:[37,16] [UnboundedExecutor]')
assert log.contains('src/main/java/com/example/ReportService.java:[31,50] [UnboundedCache]')
assert log.contains('+     executor = new ThreadPoolExecutor(POOL_SIZE, POOL_SIZE, 0L, TimeUnit.MILLISECONDS')
assert log.contains('+   private static final int EXECUTOR_QUEUE_CAPACITY = 1_000;')
assert log.contains('+   private static final long MAX_CACHE_ENTRIES = 10_000;')
assert !log.contains('Did you mean')
assert log.contains('BUILD FAILURE')
// Nothing Lombok generated during the analysis is reported or left in the build output.
assert !log.contains('target/oomguard/work')

def results = new JsonSlurper().parse(new File(basedir, 'target/oomguard/oomguard.sarif')).runs[0].results
def executor = results.find { it.ruleId == 'UnboundedExecutor' }
def replacements = executor.fixes[0].artifactChanges[0].replacements
assert replacements.any { it.insertedContent?.text?.contains('new ThreadPoolExecutor(') }
assert !executor.message.text.contains('Did you mean')
return true
