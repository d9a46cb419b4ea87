// The API as an app uses it, on the bundled example, and several threads sharing one
// plan. The example's scores are held to the CLI's (`okr score --format json`, which
// scripts/ffi-test writes and passes in): every objective and key result.
package org.okr.tests

import java.io.File
import java.time.LocalDate
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import org.okr.LintOptions
import org.okr.OkrException
import org.okr.Plan
import org.okr.core.ChangeKind
import org.okr.core.CheckInRequest
import org.okr.core.ErrorCode
import org.okr.core.PlanFormat
import org.okr.core.ReportFormat
import org.okr.core.Severity
import org.okr.core.Supposed
import org.okr.core.Value
import org.okr.core.Verdict
import org.okr.version

const val AS_OF = "2026-11-15"

fun acmeLog(fixtures: File): String = File(fixtures, "../examples/acme.check-ins.jsonl").readText()

fun acme(fixtures: File): Plan =
    Plan.load(File(fixtures, "../examples/acme.yaml").readText(), PlanFormat.YAML, log = acmeLog(fixtures))

/** What a `when` over every family looks like; it compiles only while it is exhaustive. */
fun family(e: OkrException): String = when (e) {
    is OkrException.Parse -> "parse"
    is OkrException.Limit -> "limit"
    is OkrException.Schema -> "schema"
    is OkrException.Validation -> "validation"
    is OkrException.Reference -> "reference"
    is OkrException.NotFound -> "not found"
    is OkrException.UnknownRule -> "unknown rule"
    is OkrException.InvalidArgument -> "invalid argument"
    is OkrException.Read -> "read"
    is OkrException.Internal -> "internal"
}

fun apiTests(t: Tests, fixtures: File, cliScores: File?) {
    val plan = acme(fixtures)

    t.test("version") { check(version().matches(Regex("""\d+\.\d+\.\d+.*"""))) { version() } }

    if (cliScores != null) t.test("acme: every score equals the CLI's") {
        val cli = parseJson(cliScores.readText()).obj()
        val card = plan.score(AS_OF)
        checkEqual(card.asOf, cli["as_of"])
        val objectives = cli["objectives"].list().map { it.obj() }
        checkEqual(card.objectives.map { it.id }, objectives.map { it["id"] })
        for ((o, want) in card.objectives.zip(objectives)) {
            check(close(o.progress, want["progress"])) { "${o.id}: ${o.progress} vs ${want["progress"]}" }
            checkEqual(o.status.name.lowercase(), want["status"])
            checkEqual(o.children, want["children"])
            val krs = want["key_results"].list().map { it.obj() }
            checkEqual(o.keyResults.map { it.id }, krs.map { it["id"] })
            for ((k, w) in o.keyResults.zip(krs)) {
                check(close(k.progress, w["progress"])) { "${k.id}: ${k.progress} vs ${w["progress"]}" }
                check(close(k.expected, w["expected"])) { "${k.id} expected" }
                checkEqual(k.status.name.lowercase(), w["status"])
                checkEqual(k.checkIns, w["check_ins"])
                checkEqual(k.due?.toString(), w["due"])
                checkEqual(k.lastCheckIn?.toString(), w["last_check_in"])
            }
        }
    }

    t.test("acme: dates are java.time.LocalDate, counts are Long") {
        val kr = plan.score(AS_OF).objectives.flatMap { it.keyResults }.first { it.due != null }
        val due: LocalDate = kr.due!!
        check(due.year == 2026) { "$due" }
        val counts = plan.counts()
        check(counts.objectives > 0L && counts.keyResults > counts.objectives) { "$counts" }
    }

    t.test("acme: lint finds the planted flaws, each located") {
        val found = plan.lint(LintOptions(asOf = AS_OF))
        check(found.isNotEmpty())
        check(found.all { it.code.startsWith("OKR") && it.line != null && it.help.isNotEmpty() }) { "$found" }
        check(found.any { it.rule == "activity-key-result" }) { found.map { it.rule }.toString() }
        val errorsOnly = plan.lint(LintOptions(asOf = AS_OF, severity = found.associate { it.rule to "error" }))
        check(errorsOnly.all { it.severity == Severity.ERROR })
    }

    t.test("acme: reports in Markdown and HTML") {
        check(plan.report(ReportFormat.MARKDOWN, LintOptions(asOf = AS_OF)).contains("Acme Ledger"))
        check(plan.report(ReportFormat.HTML, LintOptions(asOf = AS_OF)).trimStart().lowercase().startsWith("<!doctype html"))
    }

    t.test("acme: written as YAML and JSON, read back (with its log) to the same scores") {
        val card = plan.score(AS_OF)
        val yaml = Plan.load(plan.write(PlanFormat.YAML), PlanFormat.YAML, log = acmeLog(fixtures))
        val json = Plan.load(plan.write(PlanFormat.JSON), PlanFormat.JSON, log = acmeLog(fixtures))
        checkEqual(yaml.score(AS_OF), card)
        checkEqual(json.score(AS_OF), card)
    }

    t.test("alignment and line of sight") {
        val alignment = plan.alignment()
        check(alignment.roots.isNotEmpty())
        val deepest = alignment.objectives.maxByOrNull { it.depth }!!
        val sight = plan.lineOfSight(deepest.id)
        checkEqual(sight.size.toLong(), deepest.depth + 1)
        checkEqual(sight.last() in alignment.roots, true)
        val e = expectOkrException { plan.lineOfSight("nope") }
        check(e is OkrException.NotFound) { family(e) }
    }

    t.test("edits return a new plan and leave the old one as it was") {
        val before = plan.counts()
        val added = plan.withObjective("""{"id": "new-o", "title": "Win the mid-market", "key_results": []}""")
        checkEqual(added.counts().objectives, before.objectives + 1)
        checkEqual(plan.counts(), before)
        val kr = added.withKeyResult("new-o", """{"id": "new-k", "title": "Close 40 deals", "type": "increase", "start": 0, "target": 40}""")
        checkEqual(kr.counts().keyResults, before.keyResults + 1)

        val bad = expectOkrException { plan.withObjective("{\"id\": \"x\",\n \"title\": }") }
        check(bad is OkrException.Parse && bad.line == 2u) { "$bad" }
        val dup = expectOkrException { plan.withObjective("""{"id": "acme-grow", "title": "Again"}""") }
        checkEqual(dup.code(), "duplicate_id")
        check(dup is OkrException.Validation)
    }

    t.test("a check-in gives the log line and a new plan") {
        val before = plan.counts()
        val prepared = plan.checkIn(CheckInRequest(keyResult = "nps", value = "41", at = "2026-11-20", confidence = "70%"))
        checkEqual(prepared.line, """{"key_result":"nps","at":"2026-11-20","value":41.0,"confidence":0.7}""" + "\n")
        checkEqual(prepared.plan.counts().checkIns, before.checkIns + 1)
        checkEqual(plan.counts(), before)

        val wrong = expectOkrException { plan.checkIn(CheckInRequest(keyResult = "nps", value = "lots")) }
        check(wrong is OkrException.Validation) { family(wrong) }
        check(wrong.path().startsWith("check_ins_file[") && wrong.path().endsWith("].value")) { wrong.path() }
        val missing = expectOkrException { plan.checkIn(CheckInRequest(keyResult = "nope", value = "1")) }
        check(missing is OkrException.NotFound) { family(missing) }
    }

    t.test("what-if scores as if, lists what moves, and leaves the plan as it was") {
        val answer = plan.whatIf(
            listOf(Supposed("arr", Value.Number(12.5)), plan.suppose("pg16", "done")),
            AS_OF,
        )
        checkEqual(answer.changes.map { it.id }, listOf("acme-grow", "arr", "platform-speed", "pg16"))
        val arr = answer.changes[1]
        check(arr.kind == ChangeKind.KEY_RESULT && arr.progressAfter == 1.0) { "$arr" }
        checkEqual(answer.supposed[1].value, Value.Bool(true))
        check(close(plan.score(AS_OF).objectives[0].keyResults[0].progress, 0.4))
        val aggregate = expectOkrException { plan.suppose("new-logos", "5") }
        check(aggregate is OkrException.InvalidArgument) { family(aggregate) }
        val missing = expectOkrException { plan.whatIf(listOf(Supposed("nope", Value.Number(1.0))), AS_OF) }
        check(missing is OkrException.NotFound) { family(missing) }
    }

    t.test("calibration judges owners, and refuses a hit mark past 1") {
        val track = Plan.load(File(fixtures, "calibration/track-record.yaml").readText(), PlanFormat.YAML)
        val cal = track.calibration(asOf = "2026-07-15")
        checkEqual(cal.owners.map { it.id to it.verdict }, listOf(
            "ana" to Verdict.OVERCONFIDENT, "ben" to Verdict.CALIBRATED,
            "cy" to Verdict.TOO_LITTLE_EVIDENCE, "dee" to Verdict.TOO_LITTLE_EVIDENCE,
        ))
        val bad = expectOkrException { track.calibration(hitAt = 2.0) }
        check(bad is OkrException.InvalidArgument) { family(bad) }
    }

    t.test("bad options are typed errors that say where") {
        val misspelt = expectOkrException { plan.lint(LintOptions(settings = mapOf("max_krs" to 4.0))) }
        check(misspelt is OkrException.Schema && misspelt.code == "unknown_field") { "$misspelt" }
        checkEqual(misspelt.path(), "settings.max_krs")
        val rule = expectOkrException { plan.lint(LintOptions(select = listOf("OKR999"))) }
        check(rule is OkrException.UnknownRule) { family(rule) }
        val date = expectOkrException { plan.score("15/11/2026") }
        check(date is OkrException.InvalidArgument) { family(date) }
        check(date.reason().isNotEmpty() && date.message.contains("invalid_argument"))
    }

    t.test("a plan with problems loads unvalidated, lists them, and refuses to score") {
        val text = File(fixtures, "bad/duplicate-ids.yaml").readText()
        val loose = Plan.load(text, PlanFormat.YAML, validate = false)
        val problems = loose.problems()
        check(problems.isNotEmpty() && problems[0].code == ErrorCode.DUPLICATE_ID) { "$problems" }
        val e = expectOkrException { loose.score(AS_OF) }
        checkEqual(e.problems(), problems)
    }
}

fun threadTests(t: Tests, fixtures: File) {
    t.test("one plan shared by 8 threads gives every thread the same answers") {
        val plan = acme(fixtures)
        val card = plan.score(AS_OF)
        val found = plan.lint(LintOptions(asOf = AS_OF))
        val checkIns = plan.counts().checkIns
        val pool = Executors.newFixedThreadPool(8)
        try {
            val jobs = (0 until 8).map { n ->
                Callable {
                    repeat(25) { i ->
                        checkEqual(plan.score(AS_OF), card)
                        checkEqual(plan.lint(LintOptions(asOf = AS_OF)), found)
                        val mine = plan.checkIn(CheckInRequest(keyResult = "nps", value = "${n * 100 + i}", at = AS_OF))
                        checkEqual(mine.plan.counts().checkIns, checkIns + 1)
                    }
                }
            }
            pool.invokeAll(jobs).forEach { it.get() }
        } finally {
            pool.shutdown()
            pool.awaitTermination(1, TimeUnit.MINUTES)
        }
        checkEqual(plan.score(AS_OF), card)
    }
}
