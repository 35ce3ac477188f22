import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert basedir.path.contains('path with spaces ü') : basedir.path

// A finding that needs the cross-class index (the handler is in another class) ...
assert log.contains('src/main/java/com/example/web/Mailer.java:[8,') : log
assert log.contains('[ThreadCreationInHotPath]')
assert log.contains('via `ReceiptHandler.handle → Mailer.sendReceipt`')
// ... and one that needs no index at all.
assert log.contains('src/main/java/com/example/web/Mailer.java:[11,3] [OomSafeWithoutReason]')
assert log.contains('oomguard: 2 findings')
assert log.contains('BUILD FAILURE')

def sarif = new JsonSlurper().parse(new File(basedir, 'target/oomguard/oomguard.sarif'))
assert sarif.runs[0].invocations[0].executionSuccessful == true
assert sarif.runs[0].results.size() == 2
return true
