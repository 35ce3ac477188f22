import java.nio.file.Files
import java.nio.file.StandardCopyOption

// A fresh copy of the example as shipped: its pom and sources, none of its build output.
def example = new File(basedir, '../../../../examples/order-service').canonicalFile.toPath()
def copy = new File(basedir, 'order-service')
copy.deleteDir()
Files.walk(example).withCloseable { paths ->
  paths.filter { Files.isRegularFile(it) }
       .filter { def rel = example.relativize(it).toString(); rel == 'pom.xml' || rel.startsWith('src') }
       .each { source ->
         def target = copy.toPath().resolve(example.relativize(source).toString())
         Files.createDirectories(target.parent)
         Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING)
       }
}
// What the example's own report looks like now, for verify.groovy to see that it is untouched.
def report = example.resolve('target/oomguard/oomguard.sarif').toFile()
new File(basedir, 'example-report-before.txt').text = report.exists() ? "${report.lastModified()}" : 'absent'
return true
