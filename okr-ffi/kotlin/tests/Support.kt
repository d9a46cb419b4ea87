// A few lines of test harness: JUnit comes from Maven Central, which these machines
// cannot reach. Each test runs, failures are collected and printed, and the process
// exits non-zero when any failed.
package org.okr.tests

import kotlin.system.exitProcess
import org.okr.OkrException
import org.okr.core.ErrorInfo

class Tests {
    private var passed = 0
    private val failed = mutableListOf<String>()

    fun test(name: String, body: () -> Unit) {
        try {
            body()
            passed++
        } catch (e: Throwable) {
            failed += name
            System.err.println("FAIL $name\n  $e")
        }
    }

    fun finish() {
        println("kotlin: $passed passed, ${failed.size} failed")
        if (failed.isNotEmpty()) exitProcess(1)
    }
}

fun checkEqual(actual: Any?, expected: Any?) {
    val same = when {
        actual is Number && expected is Number -> actual.toDouble() == expected.toDouble()
        else -> actual == expected
    }
    check(same) { "got ${short(actual)}, want ${short(expected)}" }
}

fun short(value: Any?): String = value.toString().let { if (it.length > 300) it.take(300) + "…" else it }

fun expectOkrException(body: () -> Unit): OkrException {
    try {
        body()
    } catch (e: OkrException) {
        return e
    }
    error("no OkrException was thrown")
}

// The fields every case carries, read through the methods uniffi exports on the base.
fun errorCode(e: OkrException): String = e.code()
fun errorPath(e: OkrException): String = e.path()
fun errorLine(e: OkrException): UInt? = e.line()
fun errorIds(e: OkrException): List<String> = e.ids()
fun errorProblems(e: OkrException): List<ErrorInfo> = e.problems()
