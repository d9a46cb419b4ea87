// The shared fixtures hold Kotlin to the same numbers, diagnostics and errors as Rust,
// Python and JavaScript. Run by scripts/ffi-test: `java ... org.okr.tests.FixturesTestKt
// <fixtures dir>`; exits non-zero when any check fails.
package org.okr.tests

import java.io.File
import kotlin.math.abs
import org.okr.LintOptions
import org.okr.OkrException
import org.okr.Plan
import org.okr.core.CalibrationGroup
import org.okr.core.KeyResultScore
import org.okr.core.ObjectiveScore
import org.okr.core.PlanFormat
import org.okr.core.Scorecard
import org.okr.core.Value

fun formatOf(file: String): PlanFormat = when {
    file.endsWith(".json") -> PlanFormat.JSON
    file.endsWith(".csv") -> PlanFormat.CSV
    else -> PlanFormat.YAML
}

/** A score's field as the fixtures name it (snake_case, enums as their stable names). */
fun field(record: Any, name: String): Any? = when (record) {
    is ObjectiveScore -> when (name) {
        "progress" -> record.progress
        "status" -> record.status.name.lowercase()
        "grade_band" -> record.grade?.band?.name?.lowercase()
        "grade_score" -> record.grade?.score
        "meets_expectation" -> record.grade?.meetsExpectation
        "probability" -> record.probability
        else -> error("no objective field $name in this test")
    }
    is KeyResultScore -> when (name) {
        "progress" -> record.progress
        "raw_progress" -> record.rawProgress
        "expected" -> record.expected
        "gap" -> record.gap
        "status" -> record.status.name.lowercase()
        "value" -> (record.value as? Value.Number)?.value
        "probability" -> record.probability
        else -> error("no key result field $name in this test")
    }
    else -> error("not a score: $record")
}

fun close(actual: Any?, expected: Any?): Boolean = when {
    actual == null || expected == null -> actual == expected
    actual is Double || expected is Double || expected is Long ->
        abs((actual as Number).toDouble() - (expected as Number).toDouble()) < 1e-9
    else -> actual == expected
}

fun mismatches(card: Scorecard, expect: Map<String, Any?>): List<String> {
    val out = mutableListOf<String>()
    val lists = mapOf(
        "objectives" to card.objectives.associateBy { it.id },
        "key_results" to card.objectives.flatMap { it.keyResults }.associateBy { it.id },
    )
    for ((kind, byId) in lists) {
        for ((id, fields) in (expect[kind] ?: emptyMap<String, Any?>()).obj()) {
            val record = byId[id]
            if (record == null) { out += "$kind $id: missing"; continue }
            for ((name, want) in fields.obj()) {
                val got = field(record, name)
                if (!close(got, want)) out += "$kind $id.$name: got $got, want $want"
            }
        }
    }
    return out
}

/** A calibration group's field as the fixtures name it. */
fun groupField(g: CalibrationGroup, name: String): Any? = when (name) {
    "forecasts" -> g.forecasts.toLong()
    "key_results" -> g.keyResults.toLong()
    "hits" -> g.hits.toLong()
    "cycles" -> g.cycles.toLong()
    "mean_confidence" -> g.meanConfidence
    "hit_rate" -> g.hitRate
    "gap" -> g.gap
    "brier" -> g.brier
    "calibration_error" -> g.calibrationError
    "verdict" -> g.verdict.name.lowercase()
    else -> error("no calibration field $name in this test")
}

fun near(actual: Any?, expected: Any?): Boolean = when {
    actual is Double && expected is Number -> abs(actual - expected.toDouble()) < 1e-6
    else -> close(actual, expected)
}

fun groupMismatches(name: String, g: CalibrationGroup, expect: Map<String, Any?>): List<String> {
    val out = mutableListOf<String>()
    for ((field, want) in expect) {
        if (field == "bins") continue
        val got = groupField(g, field)
        if (!near(got, want)) out += "$name.$field: got $got, want $want"
    }
    val listed = expect["bins"].list().map { it.list() }
        .associateBy { Math.round((it[0] as Number).toDouble() * 10).toInt() }
    if (g.bins.size != 10) out += "$name: ${g.bins.size} bins"
    g.bins.forEachIndexed { i, b ->
        val want = listed[i]
        val got = listOf(b.forecasts.toLong(), b.meanConfidence, b.hitRate)
        val wanted = want?.drop(1) ?: listOf(0L, null, null)
        if (!got.zip(wanted).all { (a, w) -> near(a, w) }) out += "$name bin $i: got $got, want $wanted"
    }
    return out
}

fun lintOptions(config: Map<String, Any?>, asOf: String, select: List<String>): LintOptions =
    LintOptions(
        asOf = asOf,
        profile = config["profile"] as String?,
        select = select,
        ignore = (config["ignore"] ?: emptyList<String>()).list().map { it as String },
        severity = (config["severity"] ?: emptyMap<String, Any?>()).obj().mapValues { it.value as String },
        settings = (config["settings"] ?: emptyMap<String, Any?>()).obj()
            .mapValues { (it.value as Number).toDouble() },
    )

fun main(args: Array<String>) {
    val fixtures = File(args.getOrElse(0) { "fixtures" })
    fun read(path: String) = File(fixtures, path).readText()
    val t = Tests()

    for (c in parseJson(read("compat/vectors.json")).obj()["cases"].list().map { it.obj() }) {
        t.test("compat: ${c["name"]}") {
            val plan = c["plan"].obj().toMutableMap()
            plan["policy"] = mapOf("preset" to c["preset"])
            val expectError = c["expect_error"]?.obj()
            try {
                val card = Plan.fromJson(toJson(plan)).score(c["as_of"] as String)
                check(expectError == null) { "expected ${expectError!!["kind"]}, got a scorecard" }
                val wrong = mismatches(card, c["expect"].obj())
                check(wrong.isEmpty()) { wrong.joinToString("; ") }
            } catch (e: OkrException) {
                if (expectError == null) throw e
                checkEqual(errorCode(e), expectError["kind"])
                expectError["path"]?.let { checkEqual(errorPath(e), it) }
            }
        }
    }

    for (c in parseJson(read("rollup/expected.json")).obj()["cases"].list().map { it.obj() }) {
        val file = c["file"] as String
        t.test("rollup: $file") {
            val card = Plan.load(read("rollup/$file"), formatOf(file)).score(c["as_of"] as String)
            val wrong = mismatches(card, c["expect"].obj())
            check(wrong.isEmpty()) { wrong.joinToString("; ") }
        }
    }

    for (c in parseJson(read("lint/expected.json")).obj()["cases"].list().map { it.obj() }) {
        val file = c["file"] as String
        val rule = c["rule"] as String
        val config = (c["config"] ?: emptyMap<String, Any?>()).obj()
        t.test("lint: $file $rule ${toJson(config)}") {
            val plan = Plan.load(read("lint/$file"), formatOf(file), validate = false)
            val select = if (c["all_rules"] == true) {
                (config["select"] ?: emptyList<String>()).list().map { it as String }
            } else {
                listOf(rule)
            }
            val found = plan.lint(lintOptions(config, (c["as_of"] ?: "2026-02-14") as String, select))
                .filter { it.rule == rule }
            val want = c["expect"].list().map { it.list() }
            checkEqual(found.map { listOf(it.path, it.ids.firstOrNull() ?: "") }, want.map { it.take(2) })
            found.zip(want).forEach { (d, w) ->
                val severity = w.getOrNull(2) ?: c["severity"]
                if (severity != null) checkEqual(d.severity.name.lowercase(), severity)
            }
        }
    }

    for (c in parseJson(read("calibration/expected.json")).obj()["cases"].list().map { it.obj() }) {
        val options = (c["options"] ?: emptyMap<String, Any?>()).obj()
        t.test("calibration: ${c["file"]} ${toJson(options)}") {
            val cal = Plan.load(read("calibration/${c["file"]}"), PlanFormat.YAML).calibration(
                asOf = c["as_of"] as String,
                hitAt = (options["hit_at"] as Number?)?.toDouble(),
                minKeyResults = (options["min_key_results"] as Number?)?.toInt()?.toUInt(),
                minCycles = (options["min_cycles"] as Number?)?.toInt()?.toUInt(),
                maxGap = (options["max_gap"] as Number?)?.toDouble(),
            )
            val judgement = c["judgement"].obj()
            checkEqual(cal.judgement.minKeyResults.toLong(), judgement["min_key_results"])
            checkEqual(cal.judgement.minCycles.toLong(), judgement["min_cycles"])
            checkEqual(cal.judgement.maxGap, judgement["max_gap"])
            val wrong = groupMismatches("overall", cal.overall, c["overall"].obj()).toMutableList()
            for ((key, groups) in listOf("owners" to cal.owners, "units" to cal.units, "cycles" to cal.cycles, "phases" to cal.phases)) {
                val listed = (c[key] ?: emptyMap<String, Any?>()).obj()
                for ((id, expect) in listed) {
                    val g = groups.firstOrNull { it.id == id }
                    if (g == null) wrong += "$key.$id: missing" else wrong += groupMismatches("$key.$id", g, expect.obj())
                }
                if (c["only_listed"] != true) checkEqual(groups.map { it.id }, listed.keys.toList())
            }
            check(wrong.isEmpty()) { wrong.joinToString("; ") }
        }
    }

    val bad = parseJson(read("bad/expected.json")).obj()["cases"].list().map { it.obj() }
    // Written by scripts/gen-bad-fixtures.py: one break per case of a valid base plan.
    val generated = parseJson(read("bad/generated/expected.json")).obj()
    for (file in generated["valid"].list().map { it as String }) {
        t.test("generated base: $file") { Plan.load(read("bad/$file"), formatOf(file)) }
    }
    for (c in (bad + generated["cases"].list().map { it.obj() }).filter { it["file"] != null }) {
        val file = c["file"] as String
        t.test("bad input: $file") {
            val e = expectOkrException { Plan.load(read("bad/$file"), formatOf(file)) }
            checkEqual(errorCode(e), c["kind"])
            c["path"]?.let { checkEqual(errorPath(e), it) }
            c["path_prefix"]?.let { check(errorPath(e).startsWith(it as String)) { errorPath(e) } }
            c["line"]?.let { checkEqual(errorLine(e)?.toLong(), it) }
            c["ids"]?.let { checkEqual(errorIds(e), it) }
            check(errorProblems(e).isNotEmpty())
            checkEqual(errorProblems(e)[0].code.name.lowercase(), c["kind"])
        }
    }

    t.test("a 50 MB note is refused with its path") {
        val c = bad.first { it["generate"] == "50MB" }
        val note = "x".repeat(50 * 1024 * 1024)
        val text = """{"schema_version": 1, "objectives": [{"id": "o", "title": "t", "key_results": [{"id": "k", "title": "t", "type": "milestone", "check_ins": [{"at": "2026-01-05", "value": true, "note": "$note"}]}]}]}"""
        val e = expectOkrException { Plan.load(text, PlanFormat.JSON) }
        checkEqual(errorCode(e), c["kind"])
        checkEqual(errorPath(e), c["path"])
        check(e is OkrException.Limit) { "not a Limit: $e" }
    }

    apiTests(t, fixtures, args.getOrNull(1)?.let { File(it) })
    threadTests(t, fixtures)
    t.finish()
}
