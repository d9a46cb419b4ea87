// Times the path a JVM app runs, per call and whole: read the file, Plan.load, score,
// lint. Not a test (timings never are); docs/benchmarks.md reports its runs:
//   java -cp okr-kotlin-tests.jar:jna.jar -Djna.library.path=target/release \
//       org.okr.bench.BenchKt M.json 2026-02-14 5
package org.okr.bench

import java.io.File
import org.okr.LintOptions
import org.okr.Plan
import org.okr.core.PlanFormat

fun main(args: Array<String>) {
    val file = File(args[0])
    val asOf = args.getOrElse(1) { "2026-02-14" }
    val rounds = args.getOrElse(2) { "5" }.toInt()
    val format = if (file.name.endsWith(".json")) PlanFormat.JSON else PlanFormat.YAML
    val times = mutableMapOf<String, MutableList<Double>>()
    fun <T> timed(name: String, body: () -> T): T {
        val start = System.nanoTime()
        val out = body()
        times.getOrPut(name) { mutableListOf() } += (System.nanoTime() - start) / 1e6
        return out
    }
    repeat(rounds + 1) { round ->
        val whole = System.nanoTime()
        val text = timed("read") { file.readText() }
        val plan = timed("load") { Plan.load(text, format) }
        val card = timed("score") { plan.score(asOf) }
        val found = timed("lint") { plan.lint(LintOptions(asOf = asOf)) }
        times.getOrPut("read+load+score") { mutableListOf() } +=
            (System.nanoTime() - whole) / 1e6 - times.getValue("lint").last()
        plan.close()
        if (round == 0) {
            // The first round warms the JIT and the allocator; it is not reported.
            times.values.forEach { it.clear() }
            println("${file.name}: ${card.objectives.size} objectives, ${found.size} findings")
        }
    }
    for ((name, list) in times.filterValues { it.isNotEmpty() }) {
        println("%-16s median %8.1f ms  (min %.1f, %d runs)".format(name, list.sorted()[list.size / 2], list.min(), list.size))
    }
}
