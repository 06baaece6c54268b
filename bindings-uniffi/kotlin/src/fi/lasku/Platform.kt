// Hand-written companion of the generated lasku.kt (same package): names Kotlin and its
// runtime in the user agent, `lasku/<version> (kotlin; jvm 17)` or `(kotlin; android 34)`.
package fi.lasku

/** The runtime this code runs on: `android <SDK_INT>` on Android, else `jvm <Java version>`. */
fun kotlinRuntime(): String {
    val sdk = try {
        Class.forName("android.os.Build\$VERSION").getField("SDK_INT").getInt(null)
    } catch (e: Exception) {
        null
    }
    return if (sdk != null) "android $sdk" else "jvm ${System.getProperty("java.specification.version") ?: "unknown"}"
}

/**
 * These options with the user agent naming Kotlin and this runtime, unless already set:
 * `Client(apiKey, ClientOptions(baseUrl = url).forKotlin())`.
 */
fun ClientOptions.forKotlin(): ClientOptions =
    copy(language = language ?: "kotlin", runtime = runtime ?: kotlinRuntime())
