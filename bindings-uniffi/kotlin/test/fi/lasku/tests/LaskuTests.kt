// Kotlin tests of lasku's UniFFI library against a running `lasku sandbox`.
//
// No JUnit here (no Maven Central on these machines): a small runner below runs each test,
// prints one line per test and ends with `kotlin: N passed, M failed`.
//
// Environment: LASKU_SANDBOX_URL (e.g. http://127.0.0.1:36751/v2).
package fi.lasku.tests

import fi.lasku.*
import kotlinx.coroutines.*
import kotlinx.coroutines.future.await
import java.math.BigDecimal
import java.net.URI
import java.time.Duration
import java.time.Instant
import java.time.LocalDate
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.atomic.AtomicBoolean
import kotlin.system.exitProcess

const val KEY = "lasku-sandbox-key"
const val PARTNER_KEY = "lasku-sandbox-partner-key"

val baseUrl: String = System.getenv("LASKU_SANDBOX_URL") ?: error("set LASKU_SANDBOX_URL")
val adminUrl: String = baseUrl.removeSuffix("/v2") + "/__admin"
val today: LocalDate = LocalDate.now()

fun options(timeoutMs: Long? = 20_000, maxRetries: Int? = null) =
    ClientOptions(baseUrl = baseUrl, timeoutMs = timeoutMs, maxRetries = maxRetries).forKotlin()

fun client(transport: HttpTransport? = null, timeoutMs: Long? = 20_000, maxRetries: Int? = null, key: String = KEY) =
    Client(key, options(timeoutMs, maxRetries), transport, PARTNER_KEY)

// ---------------------------------------------------------------------------------------------
// A tiny test runner

class AssertionFailed(message: String) : Exception(message)

fun fail(message: String): Nothing = throw AssertionFailed(message)

fun <T> assertEq(expected: T, actual: T, what: String = "value") {
    if (expected != actual) fail("$what: expected <$expected>, got <$actual>")
}

fun assertTrue(condition: Boolean, what: () -> String) {
    if (!condition) fail(what())
}

suspend inline fun <reified E : Throwable> assertThrows(crossinline block: suspend () -> Unit): E {
    try {
        block()
    } catch (e: Throwable) {
        if (e is E) return e
        fail("expected ${E::class.simpleName}, got ${e::class.qualifiedName}: $e")
    }
    fail("expected ${E::class.simpleName}, nothing was thrown")
}

val tests = mutableListOf<Pair<String, suspend CoroutineScope.() -> Unit>>()

fun test(name: String, body: suspend CoroutineScope.() -> Unit) {
    tests += name to body
}

// ---------------------------------------------------------------------------------------------
// The sandbox's admin routes (plain JDK HTTP)

val jdk: java.net.http.HttpClient = java.net.http.HttpClient.newBuilder()
    .version(java.net.http.HttpClient.Version.HTTP_1_1)
    .connectTimeout(Duration.ofSeconds(5))
    .build()

fun admin(method: String, path: String, json: String? = null): String {
    val body = if (json == null) java.net.http.HttpRequest.BodyPublishers.noBody()
    else java.net.http.HttpRequest.BodyPublishers.ofString(json)
    val request = java.net.http.HttpRequest.newBuilder(URI("$adminUrl$path"))
        .header("Content-Type", "application/json")
        .method(method, body)
        .build()
    val response = jdk.send(request, java.net.http.HttpResponse.BodyHandlers.ofString())
    if (response.statusCode() !in 200..299) fail("admin $method $path: HTTP ${response.statusCode()} ${response.body()}")
    return response.body()
}

fun queueFault(operation: String, fault: String, times: Int = 1) {
    admin("POST", "/faults", """{"operation": "$operation", "fault": "$fault", "times": $times}""")
}

data class Hit(val operation: String?, val status: Int, val userAgent: String)

fun hits(): List<Hit> {
    val text = admin("GET", "/hits")
    // The hits are flat objects: {"Operation":..,"Method":..,"Path":..,"Status":..,"UserAgent":..,"Fault":..}
    return Regex("\\{[^{}]*\\}").findAll(text).map { m ->
        val o = m.value
        fun str(name: String) = Regex("\"$name\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").find(o)?.groupValues?.get(1)
        val status = Regex("\"Status\"\\s*:\\s*(\\d+)").find(o)?.groupValues?.get(1)?.toInt() ?: 0
        Hit(str("Operation"), status, str("UserAgent") ?: "")
    }.toList()
}

// ---------------------------------------------------------------------------------------------
// A Kotlin transport over java.net.http, as an app would write one over OkHttp or Ktor

class JdkTransport(private val extraHeaders: Map<String, String> = emptyMap()) : HttpTransport {
    val seen = CopyOnWriteArrayList<HttpRequest>()

    override suspend fun send(request: HttpRequest): HttpResponse {
        seen += request
        val builder = java.net.http.HttpRequest.newBuilder(URI(request.url))
        request.timeoutMs?.let { builder.timeout(Duration.ofMillis(maxOf(it, 1))) }
        for (h in request.headers) builder.header(h.name, h.value)
        for ((k, v) in extraHeaders) builder.header(k, v)
        val body = request.body?.let { java.net.http.HttpRequest.BodyPublishers.ofByteArray(it) }
            ?: java.net.http.HttpRequest.BodyPublishers.noBody()
        builder.method(request.method, body)
        val response = try {
            jdk.sendAsync(builder.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray()).await()
        } catch (e: java.net.ConnectException) {
            throw HttpTransportException.Connect(e.toString())
        } catch (e: java.net.http.HttpTimeoutException) {
            throw HttpTransportException.Timeout(e.toString())
        } catch (e: java.io.IOException) {
            throw HttpTransportException.Io(e.toString())
        }
        val headers = response.headers().map().flatMap { (name, values) -> values.map { HttpHeader(name, it) } }
        return HttpResponse(response.statusCode(), headers, response.body())
    }
}

/** A transport that answers from a function (for faults the sandbox cannot make). */
class FakeTransport(private val answer: suspend (HttpRequest) -> HttpResponse) : HttpTransport {
    override suspend fun send(request: HttpRequest): HttpResponse = answer(request)
}

// ---------------------------------------------------------------------------------------------
// Test data

fun dec(text: String) = BigDecimal(text)

fun invoice(number: String): SalesInvoice = buildInvoice(
    SalesInvoice(
        invoiceNumber = number,
        invoiceDate = today,
        currency = "EUR",
        salesName = "Sami Santikko",
        salesStreetAddress = "Kauppapuistikko 17 A 23",
        salesPostalCode = "65100",
        salesCity = "VAASA",
        salesCountry = "FI",
    ),
    listOf(
        RowInput("Consulting", dec("2"), dec("80.00"), dec("25.5")),
        RowInput("Book", dec("1"), dec("19.90"), dec("13.5")),
    ),
    paymentTermsDays = 14,
)

// ---------------------------------------------------------------------------------------------
// Tests: every operation (the built-in transport), in the order of a real flow

val c by lazy { client() }
var batchId: Long = 0

fun registerTests() {
    test("the user agent names Kotlin and the JVM") {
        assertTrue(Regex("^lasku/[0-9.]+ \\(kotlin; jvm [0-9]+\\)$").matches(c.userAgent())) { c.userAgent() }
        assertEq(baseUrl, c.baseUrl(), "base URL")
        assertEq(48, c.operations().size, "operation count")
        assertEq(laskuVersion(), c.userAgent().substringAfter("lasku/").substringBefore(" "), "version")
    }

    test("token operations") {
        val valid = c.validateToken()
        assertEq(true, valid.isValid, "IsValid")
        val renewed = c.renewToken(RenewTokenRequest(customerCode = "C1", ipAddress = "192.0.2.1"))
        assertEq("[redacted]", renewed.token.toString(), "token toString")
        assertTrue(renewed.token.expose().isNotEmpty()) { "empty token" }
    }

    test("invoices: create, with seller info, list, status, update") {
        val created = c.createInvoice(invoice("7042"))
        assertEq(1L, created.qtyOfInvoices, "QtyOfInvoices")
        assertEq("7042", created.salesInvoices?.single()?.invoiceNumber, "created number")
        assertEq(InvoiceState.Received, created.salesInvoices?.single()?.status, "status")
        val seller = invoice("7043").copy(
            sellerInfo = SellerInfo(sellerName = "Myyjä Oy", sellerBusinessId = "0737546-2"),
        )
        c.createInvoiceWithSellerInfo(seller)
        val page = c.listSalesInvoices(InvoiceQuery(invoiceNumber = "7042"))
        val listed = page.data.single()
        assertEq(dec("200.80").add(dec("22.59")), listed.totalAmount, "TotalAmount")
        assertEq(today, listed.invoiceDate, "InvoiceDate")
        assertEq(today.plusDays(14), listed.dueDate, "DueDate")
        assertTrue(page.meta?.totalCount == 1L) { "meta ${page.meta}" }
        val status = c.retrieveInvoiceStatus("7042")
        assertEq(InvoiceState.Received, status.status, "status")
        c.retrieveInvoiceDeliveryInformation()
        val updated = c.updateInvoice("7042", SalesInvoice(description = "Päivitetty"))
        assertEq(listOf("Description"), updated.updatedFields, "UpdatedFields")
    }

    test("invoice batches: submit and list") {
        val accepted = c.submitSalesInvoiceBatch(SalesInvoiceBatch(listOf(BatchInvoices(listOf(invoice("7044"))))))
        batchId = accepted.batchId ?: fail("no BatchId")
        val uploads = c.listBatchUploads(BatchUploadQuery(batchId = batchId))
        assertEq(batchId, uploads.data.single().batchId, "listed batch")
    }

    test("payments, statistics, Finvoice accounts and contracts") {
        val paid = c.submitInvoicePayment("7042", SalesInvoicePayment(paymentDate = today, amount = dec("1.00")))
        assertEq(InvoiceState.PartiallyPaid, paid.status, "status after payment")
        assertEq(dec("1.00"), paid.paidAmount, "PaidAmount")
        c.retrieveDeliveryStatistics(dateFrom = today.minusDays(1), dateTo = today.plusDays(1))
        val received = c.retrieveReceivedPayments(ReceivedPaymentsQuery(invoiceNumber = "7042"))
        assertEq(dec("1.00"), received.data.single().amount, "received amount")
        val account = c.updateFinvoiceAccount(
            FinvoiceAccountUpdate(
                customerCode = "C1", finvoiceAddress = "003707375462", finvoiceIntermediator = "003721291126",
            ),
        )
        assertEq("C1", account.customerCode, "CustomerCode")
        val contracts = c.retrieveElectronicInvoicingContracts(customerCode = "C1")
        assertEq("003707375462", contracts.data.single().finvoiceAddress, "contract address")
    }

    test("collection: cases, receivables, summaries") {
        val case = Case(
            debtor = Debtor(name = "Velallinen", debtorType = DebtorType.Person),
            receivables = listOf(Receivable(invoiceNumber = "7900", dueDate = today, capitalAmount = dec("5.00"))),
        )
        val cases = c.createCollectionCases(CaseList(listOf(case)))
        c.retrieveCaseBatchStatus(cases.batchId ?: fail("no BatchId"))
        val update = c.updateCollectionReceivables(
            ReceivablesList(listOf(Receivable(invoiceNumber = "7900", paymentDate = today, paidAmount = dec("1.00")))),
        )
        c.retrieveCollectionReceivablesStatus(update.batchId ?: fail("no BatchId"))
        c.retrieveCollectionCase()
        val summary = c.retrieveDebtorSummary()
        assertTrue(summary.data.any { it.debtorName == "Velallinen" }) { "summary ${summary.data}" }
    }

    test("settlements, credit losses and allocated payment transactions") {
        admin("POST", "/settle")
        val settlements = c.listSettlements()
        val number = settlements.data.firstOrNull()?.settlementNumber ?: fail("no settlement")
        assertEq(number, c.retrieveSettlement(number).settlementNumber, "settlement")
        val direct = c.listDirectSettlements()
        val directNumber = direct.data.firstOrNull()?.settlementNumber ?: fail("no direct settlement")
        assertTrue(c.retrieveDirectSettlement(directNumber).rows.orEmpty().isNotEmpty()) { "no rows" }
        c.retrieveCreditLossReceivables()
        val allocated = c.retrieveAllocatedPaymentTransactions(
            AllocatedPaymentTransactionsQuery(sortOrder = SortOrder.DESC, hasAllocatedBreakdown = true),
        )
        assertTrue(allocated.data.isNotEmpty()) { "no allocations" }
        assertTrue(allocated.data.all { it.dates?.settlementDate != null }) { "unsettled ${allocated.data}" }
    }

    test("products and customers") {
        c.listProducts()
        val products = c.submitProducts(
            SalesItems(listOf(OnlineProduct(productCode = "P1", name = "Kahvi", unitPrice = dec("10.00000000000")))),
        )
        assertEq("Created", products.items?.single()?.status, "product status")
        val listed = c.listProducts(PageRequest(page = 1, pageSize = 10)).data.single { it.productCode == "P1" }
        assertEq(dec("10.00000000000"), listed.unitPrice, "price keeps every digit")
        assertEq("Deleted", c.deleteProduct("P1").items?.single()?.status, "deleted")
        c.listCustomers()
        c.submitCustomers(OnlineCustomers(listOf(OnlineCustomer(customerCode = "K1", name = "Asiakas Oy"))))
        val updated = c.updateCustomer("K1", OnlineCustomer(phone = "+358401234567"))
        assertEq(listOf("Phone"), updated.updatedFields, "UpdatedFields")
        assertEq("Deleted", c.deleteCustomer("K1").statusDescription, "deleted")
    }

    test("external invoices: delivery, payments, direct payments, actions, agreement") {
        val delivery = c.retrieveExternalDeliveryInformation(InvoiceQuery(invoiceNumber = "7042"))
        assertEq("Sami Santikko", delivery.data.single().buyerName, "BuyerName")
        c.createDirectPayment(
            IntermediationInvoiceDirectPayments(
                listOf(DirectPayment(invoiceNumber = "7042", paymentDate = today, amount = dec("2.00"))),
            ),
        )
        val payments = c.retrieveExternalPaymentInformation(InvoiceQuery(invoiceNumber = "7042"))
        assertTrue(payments.data.size >= 2) { "payments ${payments.data}" }
        val actions = c.submitInvoiceAction(
            ExternalInvoiceActions(listOf(InvoiceAction(code = InvoiceActionCode.Objection, invoiceNumber = "7042"))),
        )
        assertEq(InvoiceActionCode.Objection, actions.actions?.single()?.code, "action code")
        assertEq("Active", c.retrieveAgreementStatus().status, "agreement")
    }

    test("partner operations with the partner key") {
        val registered = c.submitCreditor(
            Creditor(creditorData = CreditorData(name = "Velkoja Oy", businessId = "0737546-2")),
        )
        val key = registered.apiKey ?: fail("no ApiKey")
        assertEq("[redacted]", key.toString(), "secret toString")
        assertTrue(!registered.toString().contains(key.expose())) { "key leaked in $registered" }
        assertTrue(key.expose().startsWith("lasku-sandbox-creditor-")) { "key ${key.expose().take(24)}" }
        c.updateCreditor(
            "0737546-2",
            CreditorUpdateData(creditorDetails = CreditorUpdateDetails(email = "talous@example.fi")),
        )
        assertEq(key, c.retrieveCreditorCredentials("0737546-2").apiKey, "same key")
        c.retrieveFinvoiceCredentials("0737546-2")
        val ids = c.retrieveExternalAgreementIdentifiers("0737546-2")
        assertTrue(ids.identifiers.orEmpty().any { it.identifierType == "OVT" }) { "ids $ids" }
        c.retrieveDeliveryInformationBySeller("0737546-2", DateRangeQuery(dateFrom = today.minusDays(1)))
        val sms = c.sendSms(SmsData(phoneNumber = "+358401234567", message = "Hei"))
        assertTrue(sms.deliveryReport?.deliveredAt == null) { "delivered ${sms.deliveryReport}" }
        // The new creditor's key works at once.
        Client(key.expose(), options()).use { assertEq(true, it.validateToken().isValid, "new key") }
    }

    test("meter reading documents and service status") {
        val doc = MeterDocument(
            documentNumber = "D1",
            customer = DocumentCustomer(name = "A"),
            readings = listOf(MeterReading(meterNumber = "1", readingDate = today, readingValue = dec("1"))),
        )
        assertEq("Created", c.createMeterReadingDocuments(MeterDocumentList(listOf(doc))).documents?.single()?.status, "doc")
        val status = c.serviceStatus()
        assertEq("OK", status.status, "service status")
        assertTrue(status.timestamp!!.isBefore(Instant.now().plusSeconds(60))) { "timestamp ${status.timestamp}" }
    }

    // --- errors with their fields

    test("invalid input is a Validation error with every violation, and nothing is sent") {
        val before = hits().size
        val bad = invoice("7050").copy(dueDate = today.minusDays(30), reference = "123")
        val e = assertThrows<LaskuException.Validation> { c.createInvoice(bad) }
        val paths = e.violations.map { it.path }
        assertTrue("/DueDate" in paths && "/Reference" in paths) { "violations ${e.violations}" }
        assertTrue(e.violations.all { it.code.isNotEmpty() && it.message.isNotEmpty() }) { "${e.violations}" }
        assertEq(before, hits().size, "hits (nothing sent)")
        assertTrue(validateInvoice(bad).any { it.severity == Severity.ERROR }) { "validateInvoice" }
    }

    test("402 duplicate invoice: BusinessRule with status and message") {
        val e = assertThrows<LaskuException.BusinessRule> { c.createInvoice(invoice("7042")) }
        assertEq(402, e.status, "status")
        assertEq("create_invoice", e.operation, "operation")
        assertTrue(!e.serverMessage.isNullOrEmpty()) { "no server message: $e" }
    }

    test("404 unknown invoice: NotFound") {
        val e = assertThrows<LaskuException.NotFound> { c.retrieveInvoiceStatus("99999999") }
        assertEq(404, e.status, "status")
        assertEq("retrieve_invoice_status", e.operation, "operation")
    }

    test("401 wrong key: Unauthorized; 403 creditor key on a partner operation: Forbidden") {
        client(key = "wrong-key").use { bad ->
            val e = assertThrows<LaskuException.Unauthorized> { bad.validateToken() }
            assertEq(401, e.status, "status")
        }
        Client(KEY, options(), partnerKey = KEY).use { creditorOnly ->
            val e = assertThrows<LaskuException.Forbidden> { creditorOnly.sendSms(SmsData(phoneNumber = "+358401234567", message = "x")) }
            assertEq(403, e.status, "status")
        }
    }

    test("400 naming the field: Api with fieldErrors") {
        val e = assertThrows<LaskuException.Api> { c.listProducts(PageRequest(pageSize = 0)) }
        assertEq(400, e.status, "status")
        assertEq("list_products", e.operation, "operation")
        assertTrue(e.fieldErrors.any { it.field == "pageSize" }) { "field errors ${e.fieldErrors} body ${e.body}" }
        assertTrue(!e.serverMessage.isNullOrEmpty()) { "no message" }
    }

    test("configuration errors: a plain http URL to a remote host, a negative timeout") {
        assertThrows<LaskuException.Configuration> { Client(KEY, ClientOptions(baseUrl = "http://example.com/v2")) }
        assertThrows<LaskuException.Configuration> { Client(KEY, ClientOptions(baseUrl = baseUrl, timeoutMs = -1)) }
    }

    // --- faults

    test("503 once on a read: retried, then it succeeds") {
        queueFault("validate_token", "status=503")
        assertEq(true, c.validateToken().isValid, "IsValid")
    }

    test("429 with Retry-After after the retries: RateLimited with retryAfterMs") {
        queueFault("service_status", "status=429;retry-after=1", times = 2)
        client(maxRetries = 0).use { once ->
            val e = assertThrows<LaskuException.RateLimited> { once.serviceStatus() }
            assertEq(429, e.status, "status")
            assertEq(1000L, e.retryAfterMs, "retryAfterMs")
        }
        admin("DELETE", "/faults")
    }

    test("connection dropped after a create: UnknownOutcome with the invoice number, not re-sent") {
        queueFault("create_invoice", "drop=after")
        val e = assertThrows<LaskuException.UnknownOutcome> { c.createInvoice(invoice("7060")) }
        assertEq(listOf("7060"), e.invoiceNumbers, "invoiceNumbers")
        assertEq("create_invoice", e.operation, "operation")
        // It was processed once: settling finds it, and knows an invoice never sent.
        val settled = c.settle(e.invoiceNumbers + "7061")
        assertEq(listOf("7060"), settled.created.map { it.invoiceNumber }, "created")
        assertEq(listOf("7061"), settled.missing, "missing")
        assertEq("7060", c.findInvoice("7060")?.invoiceNumber, "findInvoice")
        assertEq(null, c.findInvoice("7061"), "findInvoice of a missing one")
    }

    test("truncated and non-JSON bodies: Decode with status and body") {
        queueFault("retrieve_agreement_status", "body=truncated")
        val e = assertThrows<LaskuException.Decode> { c.retrieveAgreementStatus() }
        assertEq(200, e.status, "status")
        queueFault("retrieve_agreement_status", "body=nonjson")
        val e2 = assertThrows<LaskuException.Decode> { c.retrieveAgreementStatus() }
        assertTrue(e2.body.contains("<")) { "body ${e2.body}" }
    }

    test("the deadline: a slow server becomes a Timeout transport error") {
        queueFault("service_status", "delay=3000")
        client(timeoutMs = 400, maxRetries = 0).use { quick ->
            val started = System.nanoTime()
            val e = assertThrows<LaskuException.Transport> { quick.serviceStatus() }
            assertEq(TransportErrorKind.TIMEOUT, e.kind, "kind")
            assertTrue((System.nanoTime() - started) / 1_000_000 < 2500) { "took too long" }
        }
    }

    // --- a Kotlin transport

    test("a Kotlin HttpTransport carries the calls; its request hides the key") {
        val transport = JdkTransport()
        client(transport).use { k ->
            assertEq(true, k.validateToken().isValid, "IsValid")
            val created = k.createInvoice(invoice("7070"))
            assertEq("7070", created.salesInvoices?.single()?.invoiceNumber, "created")
            assertEq(InvoiceState.Received, k.retrieveInvoiceStatus("7070").status, "status")
        }
        assertEq(3, transport.seen.size, "requests seen")
        val first = transport.seen.first()
        assertEq("GET", first.method, "method")
        assertTrue(first.headers.any { it.name == "User-Agent" && it.value.contains("(kotlin; jvm") }) { "UA" }
        assertTrue(first.headers.any { it.name == "X-Api-Key" && it.value == KEY }) { "key header" }
        assertTrue(!first.toString().contains(KEY) && first.toString().contains("[redacted]")) { "toString $first" }
        assertTrue(transport.seen[1].body?.decodeToString()?.contains("\"InvoiceNumber\":7070") == true) {
            "body ${transport.seen[1].body?.decodeToString()?.take(80)}"
        }
    }

    test("a Kotlin transport's typed and untyped exceptions become Transport errors, never a crash") {
        FakeTransport { throw HttpTransportException.Connect("refused") }.let { t ->
            client(t, maxRetries = 0).use { k ->
                val e = assertThrows<LaskuException.Transport> { k.validateToken() }
                assertEq(TransportErrorKind.CONNECT, e.kind, "kind")
                assertEq(false, e.mayHaveBeenSent, "mayHaveBeenSent")
                assertTrue(e.reason.contains("refused")) { e.reason }
            }
        }
        FakeTransport { throw IllegalStateException("boom from Kotlin") }.let { t ->
            client(t, maxRetries = 0).use { k ->
                val e = assertThrows<LaskuException.Transport> { k.validateToken() }
                assertEq(TransportErrorKind.OTHER, e.kind, "kind")
                assertEq(true, e.mayHaveBeenSent, "mayHaveBeenSent")
                assertTrue(e.reason.contains("boom from Kotlin")) { e.reason }
                // A create whose transport failed unclassified may have happened: not re-sent.
                val u = assertThrows<LaskuException.UnknownOutcome> { k.createInvoice(invoice("7071")) }
                assertEq(listOf("7071"), u.invoiceNumbers, "invoiceNumbers")
            }
        }
        FakeTransport { HttpResponse(status = 0, headers = emptyList(), body = ByteArray(0)) }.let { t ->
            client(t, maxRetries = 0).use { k -> assertThrows<LaskuException.Transport> { k.validateToken() } }
        }
    }

    test("a Kotlin transport's answers: 503 retried, then 200 parsed; a fault header passes through") {
        var calls = 0
        val fake = FakeTransport {
            calls += 1
            if (calls == 1) HttpResponse(503, listOf(HttpHeader("Retry-After", "0")), "{}".toByteArray())
            else HttpResponse(200, emptyList(), """{"IsValid": true, "Message": "ok", "New": [1]}""".toByteArray())
        }
        client(fake).use { k ->
            val v = k.validateToken()
            assertEq(true, v.isValid, "IsValid")
            assertEq("""{"New":[1]}""", v.extra, "extra keeps unknown members")
        }
        assertEq(2, calls, "calls")
        client(JdkTransport(mapOf("X-Lasku-Fault" to "status=404")), maxRetries = 0).use { k ->
            assertThrows<LaskuException.NotFound> { k.serviceStatus() }
        }
    }

    // --- cancellation

    test("cancelling a coroutine in flight (built-in transport) stops the call; the client stays usable") {
        queueFault("validate_token", "delay=5000")
        val started = System.nanoTime()
        val job = launch(Dispatchers.Default) { c.validateToken() }
        delay(300)
        job.cancelAndJoin()
        assertTrue(job.isCancelled) { "not cancelled" }
        assertTrue((System.nanoTime() - started) / 1_000_000 < 2000) { "cancellation took too long" }
        assertEq(true, c.validateToken().isValid, "next call")
    }

    test("cancelling a coroutine in flight cancels the Kotlin transport's own coroutine") {
        val entered = CompletableDeferred<Unit>()
        val cancelled = CompletableDeferred<Unit>()
        val hanging = FakeTransport {
            entered.complete(Unit)
            try {
                awaitCancellation()
            } finally {
                cancelled.complete(Unit)
            }
        }
        client(hanging).use { k ->
            val job = launch(Dispatchers.Default) { k.serviceStatus() }
            withTimeout(5000) { entered.await() }
            job.cancelAndJoin()
            withTimeout(5000) { cancelled.await() }
        }
    }

    // --- values: decimals, dates, identifiers, extra, nulls; bad input

    test("decimals, dates, unknown members and explicit nulls round-trip") {
        val sent = invoice("7080").copy(extra = """{"CustomMember":{"a":1}}""")
        c.createInvoice(sent)
        val back = c.listSalesInvoices(InvoiceQuery(invoiceNumber = "7080")).data.single()
        assertEq(sent.invoiceRows!![0].price, back.invoiceRows!![0].price, "Price")
        assertEq(dec("160.00"), back.invoiceRows!![0].nto, "Nto keeps its scale")
        assertTrue(back.extra?.contains("\"CustomMember\":{\"a\":1}") == true) { "extra ${back.extra}" }
        val cleared = c.updateInvoice("7080", SalesInvoice(nulls = listOf("Description")))
        assertEq(listOf("Description"), cleared.updatedFields, "UpdatedFields")
        val built = buildInvoice(SalesInvoice(invoiceNumber = "1001", invoiceDate = LocalDate.of(2026, 11, 21), salesName = "A", currency = "EUR"),
            listOf(RowInput("x", dec("2"), dec("80.00"), dec("25.5"))), paymentTermsDays = 14)
        assertEq(dec("200.80"), built.totalAmount, "TotalAmount")
        assertEq(LocalDate.of(2026, 12, 5), built.dueDate, "DueDate")
        assertEq("10016", built.reference, "reference from the invoice number")
    }

    test("bad input the core cannot hold is a Validation error naming the value") {
        val huge = assertThrows<LaskuException.Validation> {
            c.submitInvoicePayment("7042", SalesInvoicePayment(amount = BigDecimal("1e40"), paymentDate = today))
        }
        assertTrue(huge.violations.single().message.contains("decimal")) { "${huge.violations}" }
        val negative = assertThrows<LaskuException.Validation> { c.retrieveCaseBatchStatus(-5) }
        assertEq("ffi.negative", negative.violations.single().code, "code")
        val badExtra = assertThrows<LaskuException.Validation> {
            c.updateInvoice("7042", SalesInvoice(invoiceRows = listOf(SalesInvoiceRow(extra = "not json"))))
        }
        assertEq("/InvoiceRows/0/extra", badExtra.violations.single().path, "path")
        val badNull = assertThrows<LaskuException.Validation> { c.updateInvoice("7042", SalesInvoice(nulls = listOf("Nope"))) }
        assertEq("/nulls", badNull.violations.single().path, "path")
        val farDate = assertThrows<LaskuException.Validation> {
            c.retrieveDeliveryStatistics(dateFrom = LocalDate.of(1_000_000, 1, 1))
        }
        assertTrue(farDate.violations.single().message.contains("date")) { "${farDate.violations}" }
    }

    // Last: the hit log lists every operation with the Kotlin user agent.
    test("every core operation appears in the sandbox hit log with the Kotlin user agent") {
        val all = hits()
        val missing = c.operations().filter { op ->
            all.none { it.operation == op && it.status in 200..299 && it.userAgent.contains("(kotlin; jvm") }
        }
        assertTrue(missing.isEmpty()) { "never called successfully from Kotlin: $missing" }
    }
}

fun main() {
    registerTests()
    var passed = 0
    var failed = 0
    for ((name, body) in tests) {
        val started = System.nanoTime()
        val error = try {
            runBlocking { withTimeout(60_000) { body() } }
            null
        } catch (e: Throwable) {
            e
        }
        val ms = (System.nanoTime() - started) / 1_000_000
        if (error == null) {
            passed += 1
            println("  ok    $name (${ms} ms)")
        } else {
            failed += 1
            println("  FAIL  $name (${ms} ms): ${error::class.qualifiedName}: ${error.message}")
        }
    }
    c.close()
    println("kotlin: $passed passed, $failed failed")
    exitProcess(if (failed == 0) 0 else 1)
}
