// What an Android (or any JVM) app writes to use okr: load a plan with its check-ins
// log, print the scorecard, then what lint found. Run by scripts/ffi-test:
//   java -cp okr-kotlin.jar:jna.jar -Djna.library.path=<dir of libokr_ffi.so> \
//       org.okr.examples.ScorecardKt examples/acme.yaml 2026-11-15
package org.okr.examples

import java.io.File
import org.okr.LintOptions
import org.okr.OkrException
import org.okr.Plan
import org.okr.core.PlanFormat

fun main(args: Array<String>) {
    val file = File(args.getOrElse(0) { "examples/acme.yaml" })
    val asOf = args.getOrNull(1) // null scores as of now
    val log = File(file.parentFile, file.name.removeSuffix(".yaml") + ".check-ins.jsonl")

    val plan = try {
        Plan.load(file.readText(), PlanFormat.YAML, log = log.takeIf { it.exists() }?.readText())
    } catch (e: OkrException) {
        // Every error says where: the path in the plan, and the line and column.
        System.err.println("${file.path}:${e.line() ?: 0}:${e.column() ?: 0}: ${e.code()}: ${e.reason()}")
        kotlin.system.exitProcess(1)
    }

    plan.use {
        val card = it.score(asOf)
        println("Scorecard as of ${card.asOf}")
        for (o in card.objectives) {
            println("%-22s %5s  %s".format(o.id, percent(o.progress), o.status.name.lowercase()))
            for (k in o.keyResults) {
                println("  %-20s %5s  %-11s due %s".format(k.id, percent(k.progress), k.status.name.lowercase(), k.due ?: "-"))
            }
        }

        val found = it.lint(LintOptions(asOf = asOf))
        println("\n${found.size} findings")
        for (d in found) {
            println("${file.path}:${d.line}:${d.column}: ${d.severity.name.lowercase()} ${d.code} ${d.rule}: ${d.message}")
        }
    }
}

fun percent(progress: Double?): String = progress?.let { "%.0f%%".format(it * 100) } ?: "-"
