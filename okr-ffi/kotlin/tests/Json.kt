// Just enough JSON to read the shared fixtures: Maven Central (and with it every Kotlin
// JSON library) is not reachable from these machines. Objects keep their key order.
package org.okr.tests

class JsonParser(private val text: String) {
    private var at = 0

    fun parse(): Any? {
        val value = value()
        space()
        require(at == text.length) { "trailing text at $at" }
        return value
    }

    private fun space() {
        while (at < text.length && text[at].isWhitespace()) at++
    }

    private fun value(): Any? {
        space()
        return when (val c = text[at]) {
            '{' -> obj()
            '[' -> array()
            '"' -> string()
            't' -> literal("true", true)
            'f' -> literal("false", false)
            'n' -> literal("null", null)
            else -> if (c == '-' || c.isDigit()) number() else error("unexpected `$c` at $at")
        }
    }

    private fun literal(word: String, value: Any?): Any? {
        require(text.startsWith(word, at)) { "expected $word at $at" }
        at += word.length
        return value
    }

    private fun obj(): Map<String, Any?> {
        val out = LinkedHashMap<String, Any?>()
        at++
        space()
        if (text[at] == '}') { at++; return out }
        while (true) {
            space()
            val key = string()
            space()
            require(text[at] == ':') { "expected : at $at" }
            at++
            out[key] = value()
            space()
            when (text[at++]) {
                ',' -> continue
                '}' -> return out
                else -> error("expected , or } at ${at - 1}")
            }
        }
    }

    private fun array(): List<Any?> {
        val out = ArrayList<Any?>()
        at++
        space()
        if (text[at] == ']') { at++; return out }
        while (true) {
            out.add(value())
            space()
            when (text[at++]) {
                ',' -> continue
                ']' -> return out
                else -> error("expected , or ] at ${at - 1}")
            }
        }
    }

    private fun string(): String {
        require(text[at] == '"') { "expected a string at $at" }
        at++
        val out = StringBuilder()
        while (true) {
            val c = text[at++]
            when (c) {
                '"' -> return out.toString()
                '\\' -> {
                    when (val e = text[at++]) {
                        'n' -> out.append('\n')
                        't' -> out.append('\t')
                        'r' -> out.append('\r')
                        'b' -> out.append('\b')
                        'f' -> out.append('\u000C')
                        'u' -> { out.append(text.substring(at, at + 4).toInt(16).toChar()); at += 4 }
                        else -> out.append(e)
                    }
                }
                else -> out.append(c)
            }
        }
    }

    private fun number(): Any {
        val start = at
        while (at < text.length && (text[at].isDigit() || text[at] in "+-.eE")) at++
        val token = text.substring(start, at)
        return token.toLongOrNull() ?: token.toDouble()
    }
}

fun parseJson(text: String): Any? = JsonParser(text).parse()

/** The value as JSON text, for handing a fixture's plan to `Plan.fromJson`. */
fun toJson(value: Any?): String = when (value) {
    null -> "null"
    is String -> buildString {
        append('"')
        for (c in value) when {
            c == '"' -> append("\\\"")
            c == '\\' -> append("\\\\")
            c < ' ' -> append("\\u%04x".format(c.code))
            else -> append(c)
        }
        append('"')
    }
    is Boolean, is Long, is Int -> value.toString()
    is Double -> if (value.isFinite()) value.toString() else error("not JSON: $value")
    is Map<*, *> -> value.entries.joinToString(",", "{", "}") { (k, v) -> toJson(k as String) + ":" + toJson(v) }
    is List<*> -> value.joinToString(",", "[", "]") { toJson(it) }
    else -> error("not JSON: $value")
}

@Suppress("UNCHECKED_CAST")
fun Any?.obj(): Map<String, Any?> = this as Map<String, Any?>

@Suppress("UNCHECKED_CAST")
fun Any?.list(): List<Any?> = this as List<Any?>
