#include "CoreTestSupport.h"
#include "core/ActionDigest.h"
#include "core/Base64Url.h"
#include "core/CanonicalJson.h"
#include "core/DecisionStatement.h"
#include "core/Ed25519PrivateKey.h"
#include "core/Identifiers.h"
#include "core/JsonParser.h"
#include "core/JsonReader.h"
#include "core/Jws.h"
#include "core/JwsResult.h"
#include "core/StatementType.h"

#include <QJsonDocument>
#include <QTest>

using countersign::core::ActionDigest;
using countersign::core::Base64Url;
using countersign::core::CanonicalJson;
using countersign::core::DecisionStatement;
using countersign::core::Ed25519PrivateKey;
using countersign::core::Ed25519PublicKey;
using countersign::core::Identifiers;
using countersign::core::JsonParser;
using countersign::core::JsonReader;
using countersign::core::Jws;
using countersign::core::JwsResult;
using countersign::core::SecureBytes;
using countersign::core::ValidationErrors;
namespace coretest = countersign::coretest;
namespace statement_type = countersign::core::statement_type;

Q_DECLARE_METATYPE(JwsResult::Error)

namespace QTest {
template<>
inline char *toString(const JwsResult::Error &error)
{
    return qstrdup(JwsResult::errorName(error).toLatin1().constData());
}
} // namespace QTest

// JWS compact serialisation with EdDSA: the RFC 8037 example, signed
// statements, and one test for every way a JWS is refused.
class TestJws : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void rfc8037AppendixA();
    void rfc8037ExampleIsNotAStatement();
    void signStatementRoundTrip();
    void decodeReadsWithoutVerifying();
    void anyTypIsAcceptedWhenNoneIsExpected();
    void signStatementRefusesWhatCannotBeSigned();

    void algNoneIsRejected();
    void unsignedAlgNoneTokenIsRejected();
    void algHs256IsRejected();
    void otherAlgSpellingsAreRejected_data();
    void otherAlgSpellingsAreRejected();
    void missingAlgIsRejected();
    void critIsRejected_data();
    void critIsRejected();
    void unknownHeaderParameterIsRejected_data();
    void unknownHeaderParameterIsRejected();
    void nonStringHeaderValueIsRejected_data();
    void nonStringHeaderValueIsRejected();
    void headerNotJsonIsRejected();
    void headerNotAnObjectIsRejected_data();
    void headerNotAnObjectIsRejected();
    void headerDuplicateKeyIsRejected();
    void badBase64InAPartIsRejected_data();
    void badBase64InAPartIsRejected();
    void paddingInAPartIsRejected_data();
    void paddingInAPartIsRejected();
    void nonCanonicalBase64InAPartIsRejected_data();
    void nonCanonicalBase64InAPartIsRejected();
    void emptyHeaderOrSignatureIsRejected_data();
    void emptyHeaderOrSignatureIsRejected();
    void wrongNumberOfPartsIsRejected_data();
    void wrongNumberOfPartsIsRejected();
    void trailingDataAfterTheSignatureIsRejected_data();
    void trailingDataAfterTheSignatureIsRejected();
    void otherKeysKidIsKeyMismatch();
    void forgedKidIsBadSignature();
    void tamperedPayloadIsBadSignature();
    void tamperedHeaderIsBadSignature();
    void nonCanonicalPayloadIsRejected_data();
    void nonCanonicalPayloadIsRejected();
    void payloadNotAnObjectIsRejected_data();
    void payloadNotAnObjectIsRejected();
    void typMismatchIsRejected();
    void missingTypIsRejected();
    void missingKidIsKeyMismatch();
    void signatureOfTheWrongLengthIsRejected_data();
    void signatureOfTheWrongLengthIsRejected();
    void oversizeInputIsRejected();
    void errorNamesAreStable_data();
    void errorNamesAreStable();

private:
    QByteArray statementHeader(const QString &kid, const QString &typ) const;
    QByteArray decisionPayload() const;
    // A JWS signed by m_key over exactly these header and payload bytes.
    QByteArray signedWith(const QByteArray &header, const QByteArray &payload) const;
    QByteArray validStatement() const;

    Ed25519PrivateKey m_key;   // RFC 8037 Appendix A key
    Ed25519PrivateKey m_other; // RFC 8032 TEST 2 key (TEST 1 is the RFC 8037 key)
    DecisionStatement m_decision;
};

namespace {

QByteArray part(QByteArrayView compact, int index)
{
    return compact.toByteArray().split('.').value(index);
}

QByteArray replacePart(QByteArrayView compact, int index, const QByteArray &replacement)
{
    QList<QByteArray> parts = compact.toByteArray().split('.');
    parts[index] = replacement;
    return parts.join('.');
}

QByteArray b64(QByteArrayView bytes)
{
    return coretest::independentBase64Url(bytes.toByteArray());
}

QByteArray failureText(const JwsResult &result)
{
    return (JwsResult::errorName(result.error) + QStringLiteral(": ") + result.message).toUtf8();
}

} // namespace

void TestJws::initTestCase()
{
    auto key = Ed25519PrivateKey::fromSeed(
        SecureBytes(Base64Url::decode("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A").value_or(QByteArray())));
    QVERIFY(key.has_value());
    m_key = std::move(*key);
    auto other = Ed25519PrivateKey::fromSeed(
        SecureBytes(QByteArray::fromHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb")));
    QVERIFY(other.has_value());
    m_other = std::move(*other);
    QVERIFY(m_other.keyId() != m_key.keyId());

    m_decision.actionId = QStringLiteral("act_2026120411400001");
    m_decision.actionDigest = QStringLiteral("sha256:") + QString::fromLatin1(b64(QByteArray(32, '\x11')));
    m_decision.verdict = QStringLiteral("deny");
    m_decision.reason = QStringLiteral("Refund goes to an account only the ticket names");
    m_decision.approver = m_key.keyId();
    m_decision.issuedAt = JsonReader::parseTimestamp(QStringLiteral("2026-12-04T11:52:10Z"));
    m_decision.nonce = QStringLiteral("q3VxWm0t8c1bJ7yYf2Lr9A");
    ValidationErrors errors;
    DecisionStatement::read(m_decision.toJson(), &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).toString()));
}

QByteArray TestJws::statementHeader(const QString &kid, const QString &typ) const
{
    return "{\"alg\":\"EdDSA\",\"kid\":\"" + kid.toUtf8() + "\",\"typ\":\"" + typ.toUtf8() + "\"}";
}

QByteArray TestJws::decisionPayload() const
{
    return CanonicalJson::serializeOrEmpty(m_decision.toJson());
}

QByteArray TestJws::signedWith(const QByteArray &header, const QByteArray &payload) const
{
    return Jws::sign(m_key, header, payload);
}

QByteArray TestJws::validStatement() const
{
    return signedWith(statementHeader(m_key.keyId(), statement_type::decision()), decisionPayload());
}

void TestJws::rfc8037AppendixA()
{
    QCOMPARE(m_key.publicKey().toBase64Url(), QByteArray("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"));
    const QByteArray expected = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc."
                                "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
    QCOMPARE(Jws::sign(m_key, "{\"alg\":\"EdDSA\"}", "Example of Ed25519 signing"), expected);

    const auto pub = Ed25519PublicKey::fromBase64Url("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
    QVERIFY(pub.has_value());
    const JwsResult result = Jws::verify(expected, *pub);
    QVERIFY2(result.ok(), failureText(result).constData());
    QCOMPARE(result.alg, QStringLiteral("EdDSA"));
    QCOMPARE(result.kid, QString());
    QCOMPARE(result.payload, QByteArray("Example of Ed25519 signing"));
    QCOMPARE(result.signingInput, QByteArray("eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc"));
    QCOMPARE(result.signature.size(), 64);
    QCOMPARE(Jws::verify(expected, m_other.publicKey()).error, JwsResult::Error::BadSignature);
}

void TestJws::rfc8037ExampleIsNotAStatement()
{
    // Valid EdDSA, but no kid and no typ, and not a JSON payload.
    const QByteArray example = Jws::sign(m_key, "{\"alg\":\"EdDSA\"}", "Example of Ed25519 signing");
    QCOMPARE(Jws::verifyStatement(example, m_key.publicKey()).error, JwsResult::Error::KeyMismatch);
}

void TestJws::signStatementRoundTrip()
{
    QString error;
    const auto compact = Jws::signStatement(m_key, statement_type::decision(), m_decision.toJson(), &error);
    QVERIFY2(compact.has_value(), qPrintable(error));
    // The protected header is exactly the canonical {alg, kid, typ}.
    QCOMPARE(Base64Url::decode(part(*compact, 0)).value_or(QByteArray()),
             statementHeader(m_key.keyId(), statement_type::decision()));
    QCOMPARE(Base64Url::decode(part(*compact, 1)).value_or(QByteArray()), decisionPayload());
    QCOMPARE(*compact, validStatement());

    const JwsResult result = Jws::verifyStatement(*compact, m_key.publicKey(), statement_type::decision());
    QVERIFY2(result.ok(), failureText(result).constData());
    QCOMPARE(result.kid, m_key.keyId());
    QCOMPARE(result.typ, statement_type::decision());
    QCOMPARE(result.statement, m_decision.toJson());

    ValidationErrors errors;
    const DecisionStatement read = DecisionStatement::read(result.statement, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).toString()));
    QCOMPARE(read.actionId, m_decision.actionId);
    QCOMPARE(read.actionDigest, m_decision.actionDigest);
    QCOMPARE(read.verdict, m_decision.verdict);
    QCOMPARE(read.approver, m_key.keyId());
    QCOMPARE(read.issuedAt, m_decision.issuedAt);
    QCOMPARE(read.nonce, m_decision.nonce);
}

void TestJws::decodeReadsWithoutVerifying()
{
    const QByteArray byOther = Jws::sign(m_other, statementHeader(m_key.keyId(), statement_type::killSwitch()), "{}");
    const JwsResult decoded = Jws::decode(byOther);
    QVERIFY2(decoded.ok(), failureText(decoded).constData());
    QCOMPARE(decoded.kid, m_key.keyId());
    QCOMPARE(decoded.typ, statement_type::killSwitch());
    QCOMPARE(decoded.payload, QByteArray("{}"));
    QCOMPARE(Jws::verify(byOther, m_key.publicKey()).error, JwsResult::Error::BadSignature);
}

void TestJws::anyTypIsAcceptedWhenNoneIsExpected()
{
    const QByteArray compact = signedWith(statementHeader(m_key.keyId(), statement_type::checkpoint()), "{\"seq\":1}");
    const JwsResult result = Jws::verifyStatement(compact, m_key.publicKey());
    QVERIFY2(result.ok(), failureText(result).constData());
    QCOMPARE(result.typ, statement_type::checkpoint());
    QCOMPARE(Jws::verifyStatement(compact, m_key.publicKey(), statement_type::checkpoint()).error, JwsResult::Error::None);
}

void TestJws::signStatementRefusesWhatCannotBeSigned()
{
    QString error;
    QJsonObject unpaired;
    unpaired.insert(QStringLiteral("reason"), QString(QChar(0xD800)));
    QVERIFY(!Jws::signStatement(m_key, statement_type::decision(), unpaired, &error).has_value());
    QVERIFY2(error.contains(QStringLiteral("surrogate")), qPrintable(error));
    error.clear();
    QVERIFY(!Jws::signStatement(Ed25519PrivateKey(), statement_type::decision(), m_decision.toJson(), &error).has_value());
    QVERIFY(!error.isEmpty());
}

void TestJws::algNoneIsRejected()
{
    const QByteArray compact = signedWith(R"({"alg":"none","kid":")" + m_key.keyId().toUtf8() + R"(","typ":"countersign.decision"})",
                                          decisionPayload());
    QCOMPARE(Jws::verify(compact, m_key.publicKey()).error, JwsResult::Error::UnsupportedAlgorithm);
    QCOMPARE(Jws::verifyStatement(compact, m_key.publicKey()).error, JwsResult::Error::UnsupportedAlgorithm);
    QCOMPARE(Jws::decode(compact).error, JwsResult::Error::UnsupportedAlgorithm);
}

void TestJws::unsignedAlgNoneTokenIsRejected()
{
    // The classic attack: alg none and an empty signature part. An empty part
    // is not a signature encoding, so the structure check refuses it first.
    const QByteArray compact = b64(R"({"alg":"none"})") + '.' + b64(decisionPayload()) + '.';
    QCOMPARE(Jws::verify(compact, m_key.publicKey()).error, JwsResult::Error::BadBase64);
    QCOMPARE(Jws::verifyStatement(compact, m_key.publicKey()).error, JwsResult::Error::BadBase64);
}

void TestJws::algHs256IsRejected()
{
    const QByteArray compact = signedWith(R"({"alg":"HS256","kid":")" + m_key.keyId().toUtf8() + R"(","typ":"countersign.decision"})",
                                          decisionPayload());
    const JwsResult result = Jws::verifyStatement(compact, m_key.publicKey());
    QCOMPARE(result.error, JwsResult::Error::UnsupportedAlgorithm);
    QVERIFY2(result.message.contains(QStringLiteral("HS256")), qPrintable(result.message));
}

void TestJws::otherAlgSpellingsAreRejected_data()
{
    QTest::addColumn<QByteArray>("alg");
    QTest::newRow("lowercase") << QByteArray("eddsa");
    QTest::newRow("Ed25519") << QByteArray("Ed25519");
    QTest::newRow("trailing space") << QByteArray("EdDSA ");
    QTest::newRow("ES256") << QByteArray("ES256");
    QTest::newRow("RS256") << QByteArray("RS256");
    QTest::newRow("empty") << QByteArray("");
}

void TestJws::otherAlgSpellingsAreRejected()
{
    QFETCH(QByteArray, alg);
    const QByteArray compact = signedWith(R"({"alg":")" + alg + R"(","kid":")" + m_key.keyId().toUtf8() + R"(","typ":"countersign.decision"})",
                                          decisionPayload());
    QCOMPARE(Jws::verifyStatement(compact, m_key.publicKey()).error, JwsResult::Error::UnsupportedAlgorithm);
}

void TestJws::missingAlgIsRejected()
{
    const QByteArray compact = signedWith(R"({"kid":")" + m_key.keyId().toUtf8() + R"(","typ":"countersign.decision"})",
                                          decisionPayload());
    QCOMPARE(Jws::verify(compact, m_key.publicKey()).error, JwsResult::Error::UnsupportedAlgorithm);
    QCOMPARE(Jws::verifyStatement(compact, m_key.publicKey()).error, JwsResult::Error::UnsupportedAlgorithm);
}

void TestJws::critIsRejected_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("crit with a parameter") << QByteArray(R"({"alg":"EdDSA","crit":["exp"],"exp":1})");
    QTest::newRow("empty crit") << QByteArray(R"({"alg":"EdDSA","crit":[]})");
    QTest::newRow("crit b64") << QByteArray(R"({"alg":"EdDSA","b64":false,"crit":["b64"]})");
}

void TestJws::critIsRejected()
{
    QFETCH(QByteArray, header);
    const QByteArray compact = signedWith(header, decisionPayload());
    QCOMPARE(Jws::verify(compact, m_key.publicKey()).error, JwsResult::Error::CriticalHeader);
}

void TestJws::unknownHeaderParameterIsRejected_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("jwk") << QByteArray("jwk") << QByteArray(R"({"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"})");
    QTest::newRow("jku") << QByteArray("jku") << QByteArray(R"("https://attacker.example/keys")");
    QTest::newRow("x5u") << QByteArray("x5u") << QByteArray(R"("https://attacker.example/cert")");
    QTest::newRow("b64") << QByteArray("b64") << QByteArray("false");
    QTest::newRow("cty") << QByteArray("cty") << QByteArray(R"("json")");
    QTest::newRow("zip") << QByteArray("zip") << QByteArray(R"("DEF")");
    QTest::newRow("Alg (case differs)") << QByteArray("Alg") << QByteArray(R"("EdDSA")");
}

void TestJws::unknownHeaderParameterIsRejected()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    const QByteArray header = R"({"alg":"EdDSA",")" + name + "\":" + value + R"(,"kid":")" + m_key.keyId().toUtf8()
        + R"(","typ":"countersign.decision"})";
    QVERIFY(JsonParser::parseObject(header).ok());
    const JwsResult result = Jws::verifyStatement(signedWith(header, decisionPayload()), m_key.publicKey());
    QCOMPARE(result.error, JwsResult::Error::BadHeader);
    QVERIFY2(result.message.contains(QString::fromLatin1(name)), qPrintable(result.message));
}

void TestJws::nonStringHeaderValueIsRejected_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("alg null") << QByteArray(R"({"alg":null})");
    QTest::newRow("alg array") << QByteArray(R"({"alg":["EdDSA"]})");
    QTest::newRow("kid number") << QByteArray(R"({"alg":"EdDSA","kid":5})");
    QTest::newRow("typ object") << QByteArray(R"({"alg":"EdDSA","typ":{}})");
}

void TestJws::nonStringHeaderValueIsRejected()
{
    QFETCH(QByteArray, header);
    QCOMPARE(Jws::verify(signedWith(header, decisionPayload()), m_key.publicKey()).error, JwsResult::Error::BadHeader);
}

void TestJws::headerNotJsonIsRejected()
{
    for (const QByteArray &header : {QByteArray("alg=EdDSA"), QByteArray("{\"alg\":\"EdDSA\""), QByteArray("{'alg':'EdDSA'}"),
                                     QByteArray("\xef\xbb\xbf{\"alg\":\"EdDSA\"}"), QByteArray("{\"alg\":\"Ed\xc0\xaf" "DSA\"}")}) {
        const JwsResult result = Jws::verify(signedWith(header, decisionPayload()), m_key.publicKey());
        QVERIFY2(result.error == JwsResult::Error::BadHeader, QByteArray(header + " -> " + failureText(result)).constData());
    }
}

void TestJws::headerNotAnObjectIsRejected_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("array") << QByteArray(R"(["EdDSA"])");
    QTest::newRow("string") << QByteArray(R"("EdDSA")");
    QTest::newRow("number") << QByteArray("1");
    QTest::newRow("null") << QByteArray("null");
}

void TestJws::headerNotAnObjectIsRejected()
{
    QFETCH(QByteArray, header);
    QCOMPARE(Jws::verify(signedWith(header, decisionPayload()), m_key.publicKey()).error, JwsResult::Error::BadHeader);
}

void TestJws::headerDuplicateKeyIsRejected()
{
    // Which alg would win is parser-dependent, so duplicates must never be read.
    const QByteArray header = R"({"alg":"EdDSA","alg":"none","kid":")" + m_key.keyId().toUtf8() + R"(","typ":"countersign.decision"})";
    const JwsResult result = Jws::verifyStatement(signedWith(header, decisionPayload()), m_key.publicKey());
    QCOMPARE(result.error, JwsResult::Error::BadHeader);
    QVERIFY2(result.message.contains(QStringLiteral("duplicate")), qPrintable(result.message));
}

void TestJws::badBase64InAPartIsRejected_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QByteArray>("character");
    const char *names[] = {"header", "payload", "signature"};
    for (int index = 0; index < 3; ++index) {
        for (const char *character : {"+", "/", "*", " ", "%"})
            QTest::addRow("%s '%s'", names[index], character) << index << QByteArray(character);
    }
}

void TestJws::badBase64InAPartIsRejected()
{
    QFETCH(int, index);
    QFETCH(QByteArray, character);
    const QByteArray compact = validStatement();
    QByteArray damaged = part(compact, index);
    damaged[4] = character.at(0);
    const JwsResult result = Jws::verifyStatement(replacePart(compact, index, damaged), m_key.publicKey());
    QCOMPARE(result.error, JwsResult::Error::BadBase64);
}

void TestJws::paddingInAPartIsRejected_data()
{
    QTest::addColumn<int>("index");
    QTest::newRow("header") << 0;
    QTest::newRow("payload") << 1;
    QTest::newRow("signature") << 2;
}

void TestJws::paddingInAPartIsRejected()
{
    QFETCH(int, index);
    const QByteArray compact = validStatement();
    // Re-encode the part with standard '=' padding (keeping the URL alphabet).
    const QByteArray decoded = Base64Url::decode(part(compact, index)).value_or(QByteArray());
    QByteArray withPadding = decoded.toBase64(QByteArray::Base64UrlEncoding);
    if (!withPadding.endsWith('='))
        withPadding += "==";
    const JwsResult result = Jws::verifyStatement(replacePart(compact, index, withPadding), m_key.publicKey());
    QCOMPARE(result.error, JwsResult::Error::BadBase64);
}

void TestJws::nonCanonicalBase64InAPartIsRejected_data()
{
    paddingInAPartIsRejected_data();
}

void TestJws::nonCanonicalBase64InAPartIsRejected()
{
    // Setting an unused trailing bit keeps the decoded bytes but changes the
    // text; accepting it would give one statement many encodings.
    QFETCH(int, index);
    const QByteArray compact = validStatement();
    QByteArray text = part(compact, index);
    QVERIFY2(text.size() % 4 != 0, "the part has unused trailing bits");
    static const QByteArray alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const qsizetype value = alphabet.indexOf(text.back());
    QVERIFY(value >= 0);
    text.back() = alphabet.at(value ^ 1);
    QVERIFY(text != part(compact, index));
    const JwsResult result = Jws::verifyStatement(replacePart(compact, index, text), m_key.publicKey());
    QCOMPARE(result.error, JwsResult::Error::BadBase64);
}

void TestJws::emptyHeaderOrSignatureIsRejected_data()
{
    QTest::addColumn<int>("index");
    QTest::newRow("header") << 0;
    QTest::newRow("signature") << 2;
}

void TestJws::emptyHeaderOrSignatureIsRejected()
{
    QFETCH(int, index);
    const QByteArray compact = replacePart(validStatement(), index, QByteArray());
    QCOMPARE(Jws::verifyStatement(compact, m_key.publicKey()).error, JwsResult::Error::BadBase64);
}

void TestJws::wrongNumberOfPartsIsRejected_data()
{
    QTest::addColumn<QString>("what");
    QTest::newRow("empty") << QStringLiteral("empty");
    QTest::newRow("one part") << QStringLiteral("one");
    QTest::newRow("two parts") << QStringLiteral("two");
    QTest::newRow("four parts") << QStringLiteral("four");
    QTest::newRow("five parts") << QStringLiteral("five");
    QTest::newRow("JWE-like") << QStringLiteral("jwe");
}

void TestJws::wrongNumberOfPartsIsRejected()
{
    QFETCH(QString, what);
    const QByteArray valid = validStatement();
    const QByteArray h = part(valid, 0);
    const QByteArray p = part(valid, 1);
    const QByteArray s = part(valid, 2);
    QByteArray compact;
    if (what == QStringLiteral("one"))
        compact = h;
    else if (what == QStringLiteral("two"))
        compact = h + '.' + s;
    else if (what == QStringLiteral("four"))
        compact = h + '.' + p + '.' + s + '.' + s;
    else if (what == QStringLiteral("five"))
        compact = h + '.' + p + '.' + p + '.' + p + '.' + s;
    else if (what == QStringLiteral("jwe"))
        compact = h + ".." + p + '.' + s + '.' + s;
    const JwsResult result = Jws::verifyStatement(compact, m_key.publicKey());
    QCOMPARE(result.error, JwsResult::Error::Malformed);
    QVERIFY2(result.message.contains(QStringLiteral("three parts")), qPrintable(result.message));
}

void TestJws::trailingDataAfterTheSignatureIsRejected_data()
{
    QTest::addColumn<QByteArray>("prefix");
    QTest::addColumn<QByteArray>("suffix");
    QTest::addColumn<JwsResult::Error>("error");
    // An extra part is structural...
    QTest::newRow("extra .x") << QByteArray() << QByteArray(".x") << JwsResult::Error::Malformed;
    QTest::newRow("extra dot") << QByteArray() << QByteArray(".") << JwsResult::Error::Malformed;
    // ...and whitespace is not base64url: the compact form never contains it.
    QTest::newRow("trailing LF") << QByteArray() << QByteArray("\n") << JwsResult::Error::BadBase64;
    QTest::newRow("trailing CR LF") << QByteArray() << QByteArray("\r\n") << JwsResult::Error::BadBase64;
    QTest::newRow("trailing space") << QByteArray() << QByteArray(" ") << JwsResult::Error::BadBase64;
    QTest::newRow("trailing NUL") << QByteArray() << QByteArray(1, '\0') << JwsResult::Error::BadBase64;
    QTest::newRow("trailing characters") << QByteArray() << QByteArray("AAAA") << JwsResult::Error::BadSignature;
    QTest::newRow("leading space") << QByteArray(" ") << QByteArray() << JwsResult::Error::BadBase64;
    QTest::newRow("leading LF") << QByteArray("\n") << QByteArray() << JwsResult::Error::BadBase64;
}

void TestJws::trailingDataAfterTheSignatureIsRejected()
{
    QFETCH(QByteArray, prefix);
    QFETCH(QByteArray, suffix);
    QFETCH(JwsResult::Error, error);
    const QByteArray compact = prefix + validStatement() + suffix;
    QCOMPARE(Jws::verifyStatement(compact, m_key.publicKey()).error, error);
    QCOMPARE(Jws::verify(compact, m_key.publicKey()).error, error);
}

void TestJws::otherKeysKidIsKeyMismatch()
{
    QString error;
    const auto byOther = Jws::signStatement(m_other, statement_type::decision(), m_decision.toJson(), &error);
    QVERIFY2(byOther.has_value(), qPrintable(error));
    QVERIFY(Jws::verifyStatement(*byOther, m_other.publicKey()).ok());
    const JwsResult result = Jws::verifyStatement(*byOther, m_key.publicKey(), statement_type::decision());
    QCOMPARE(result.error, JwsResult::Error::KeyMismatch);
    QVERIFY2(result.message.contains(m_other.keyId()), qPrintable(result.message));
}

void TestJws::forgedKidIsBadSignature()
{
    // The header claims m_key, but m_other signed.
    const QByteArray forged = Jws::sign(m_other, statementHeader(m_key.keyId(), statement_type::decision()), decisionPayload());
    QCOMPARE(Jws::verifyStatement(forged, m_key.publicKey(), statement_type::decision()).error,
             JwsResult::Error::BadSignature);
    QCOMPARE(Jws::verify(forged, m_key.publicKey()).error, JwsResult::Error::BadSignature);
}

void TestJws::tamperedPayloadIsBadSignature()
{
    const QByteArray compact = validStatement();
    QByteArray payload = Base64Url::decode(part(compact, 1)).value_or(QByteArray());
    const qsizetype at = payload.indexOf("\"deny\"");
    QVERIFY(at > 0);
    payload[at + 1] = 'D'; // still canonical JSON, one byte different
    QVERIFY(JsonParser::parseObject(payload).ok());
    QCOMPARE(CanonicalJson::serializeOrEmpty(*JsonParser::parse(payload).value), payload);
    const QByteArray tampered = replacePart(compact, 1, Base64Url::encode(payload));
    QCOMPARE(Jws::verifyStatement(tampered, m_key.publicKey(), statement_type::decision()).error,
             JwsResult::Error::BadSignature);
}

void TestJws::tamperedHeaderIsBadSignature()
{
    // Same key, same payload, but the typ was rewritten after signing.
    const QByteArray compact = validStatement();
    const QByteArray tampered = replacePart(compact, 0, b64(statementHeader(m_key.keyId(), statement_type::killSwitch())));
    QCOMPARE(Jws::verifyStatement(tampered, m_key.publicKey(), statement_type::killSwitch()).error,
             JwsResult::Error::BadSignature);
}

void TestJws::nonCanonicalPayloadIsRejected_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("whitespace") << QByteArray(R"({"a": 1})");
    QTest::newRow("unsorted keys") << QByteArray(R"({"b":1,"a":2})");
    QTest::newRow("escaped slash") << QByteArray(R"({"a":"\/"})");
    QTest::newRow("unneeded unicode escape") << QByteArray(R"({"a":"\u0041"})");
    QTest::newRow("uppercase hex escape") << QByteArray(R"({"a":"\u001F"})");
    QTest::newRow("number 1.0") << QByteArray(R"({"a":1.0})");
    QTest::newRow("number 1e2") << QByteArray(R"({"a":1e2})");
    QTest::newRow("trailing newline") << QByteArray("{\"a\":1}\n");
    QTest::newRow("pretty decision") << QByteArray();
}

void TestJws::nonCanonicalPayloadIsRejected()
{
    QFETCH(QByteArray, payload);
    if (payload.isEmpty())
        payload = QJsonDocument(m_decision.toJson()).toJson(QJsonDocument::Indented);
    QVERIFY(JsonParser::parseObject(payload).ok());
    const QByteArray compact = signedWith(statementHeader(m_key.keyId(), statement_type::decision()), payload);
    // The signature itself is fine...
    QVERIFY(Jws::verify(compact, m_key.publicKey()).ok());
    // ...but a statement must be signed in its canonical form.
    QCOMPARE(Jws::verifyStatement(compact, m_key.publicKey(), statement_type::decision()).error,
             JwsResult::Error::NonCanonicalPayload);
}

void TestJws::payloadNotAnObjectIsRejected_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("string") << QByteArray(R"("approve")");
    QTest::newRow("number") << QByteArray("1");
    QTest::newRow("null") << QByteArray("null");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("not JSON") << QByteArray("verdict=approve");
    QTest::newRow("truncated") << QByteArray(R"({"a":1)");
    QTest::newRow("duplicate member") << QByteArray(R"({"verdict":"approve","verdict":"deny"})");
    QTest::newRow("invalid UTF-8") << QByteArray("{\"a\":\"\xc0\xaf\"}");
    QTest::newRow("lone surrogate") << QByteArray(R"({"a":"\ud800"})");
}

void TestJws::payloadNotAnObjectIsRejected()
{
    QFETCH(QByteArray, payload);
    const QByteArray compact = signedWith(statementHeader(m_key.keyId(), statement_type::decision()), payload);
    QCOMPARE(Jws::verifyStatement(compact, m_key.publicKey(), statement_type::decision()).error,
             JwsResult::Error::BadPayload);
}

void TestJws::typMismatchIsRejected()
{
    const QByteArray compact = signedWith(statementHeader(m_key.keyId(), statement_type::killSwitch()), decisionPayload());
    const JwsResult result = Jws::verifyStatement(compact, m_key.publicKey(), statement_type::decision());
    QCOMPARE(result.error, JwsResult::Error::TypeMismatch);
    QVERIFY2(result.message.contains(statement_type::killSwitch()), qPrintable(result.message));
    QCOMPARE(Jws::verifyStatement(compact, m_key.publicKey(), QStringLiteral("Countersign.Decision")).error,
             JwsResult::Error::TypeMismatch);
}

void TestJws::missingTypIsRejected()
{
    const QByteArray compact = signedWith(R"({"alg":"EdDSA","kid":")" + m_key.keyId().toUtf8() + "\"}", decisionPayload());
    QCOMPARE(Jws::verifyStatement(compact, m_key.publicKey(), statement_type::decision()).error,
             JwsResult::Error::TypeMismatch);
    // Even when no particular type is expected, a statement names its type.
    QCOMPARE(Jws::verifyStatement(compact, m_key.publicKey()).error, JwsResult::Error::TypeMismatch);
    const QByteArray emptyTyp = signedWith(statementHeader(m_key.keyId(), QString()), decisionPayload());
    QCOMPARE(Jws::verifyStatement(emptyTyp, m_key.publicKey()).error, JwsResult::Error::TypeMismatch);
}

void TestJws::missingKidIsKeyMismatch()
{
    const QByteArray compact = signedWith(R"({"alg":"EdDSA","typ":"countersign.decision"})", decisionPayload());
    QVERIFY(Jws::verify(compact, m_key.publicKey()).ok());
    const JwsResult result = Jws::verifyStatement(compact, m_key.publicKey(), statement_type::decision());
    QCOMPARE(result.error, JwsResult::Error::KeyMismatch);
    QVERIFY2(result.message.contains(QStringLiteral("no kid")), qPrintable(result.message));
    const QByteArray emptyKid = signedWith(statementHeader(QString(), statement_type::decision()), decisionPayload());
    QCOMPARE(Jws::verifyStatement(emptyKid, m_key.publicKey()).error, JwsResult::Error::KeyMismatch);
}

void TestJws::signatureOfTheWrongLengthIsRejected_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<JwsResult::Error>("error");
    QTest::newRow("0 bytes") << 0 << JwsResult::Error::BadBase64;
    QTest::newRow("1 byte") << 1 << JwsResult::Error::BadSignature;
    QTest::newRow("32 bytes") << 32 << JwsResult::Error::BadSignature;
    QTest::newRow("63 bytes") << 63 << JwsResult::Error::BadSignature;
    QTest::newRow("65 bytes") << 65 << JwsResult::Error::BadSignature;
    QTest::newRow("128 bytes") << 128 << JwsResult::Error::BadSignature;
}

void TestJws::signatureOfTheWrongLengthIsRejected()
{
    QFETCH(int, length);
    QFETCH(JwsResult::Error, error);
    const QByteArray compact = validStatement();
    const QByteArray signature = Base64Url::decode(part(compact, 2)).value_or(QByteArray());
    QCOMPARE(signature.size(), 64);
    const QByteArray resized = signature.repeated(2).left(length);
    const JwsResult result = Jws::verifyStatement(replacePart(compact, 2, Base64Url::encode(resized)), m_key.publicKey());
    QCOMPARE(result.error, error);
    if (error == JwsResult::Error::BadSignature)
        QVERIFY2(result.message.contains(QStringLiteral("64 bytes")), qPrintable(result.message));
}

void TestJws::oversizeInputIsRejected()
{
    // Build validly signed JWSs of exactly the limit and just beyond it.
    const auto signedOfLength = [this](qsizetype total) -> QByteArray {
        for (int spaces = 0; spaces < 4; ++spaces) {
            const QByteArray header = "{\"alg\":\"EdDSA\"" + QByteArray(spaces, ' ') + "}";
            const qsizetype payloadChars = total - b64(header).size() - 2 - 86;
            if (payloadChars % 4 == 1)
                continue;
            const qsizetype payloadBytes = payloadChars / 4 * 3 + (payloadChars % 4 == 0 ? 0 : payloadChars % 4 - 1);
            return Jws::sign(m_key, header, QByteArray(payloadBytes, 'a'));
        }
        return QByteArray();
    };
    const QByteArray atLimit = signedOfLength(Jws::kMaxCompactBytes);
    QCOMPARE(atLimit.size(), Jws::kMaxCompactBytes);
    const JwsResult accepted = Jws::verify(atLimit, m_key.publicKey());
    QVERIFY2(accepted.ok(), failureText(accepted).constData());

    const QByteArray beyond = signedOfLength(Jws::kMaxCompactBytes + 1);
    QCOMPARE(beyond.size(), Jws::kMaxCompactBytes + 1);
    const JwsResult refused = Jws::verify(beyond, m_key.publicKey());
    QCOMPARE(refused.error, JwsResult::Error::Malformed);
    QVERIFY2(refused.message.contains(QStringLiteral("larger than")), qPrintable(refused.message));
    QCOMPARE(Jws::verifyStatement(beyond, m_key.publicKey()).error, JwsResult::Error::Malformed);
    QCOMPARE(Jws::decode(QByteArray(16 * 1024 * 1024, '.')).error, JwsResult::Error::Malformed);
}

void TestJws::errorNamesAreStable_data()
{
    QTest::addColumn<JwsResult::Error>("error");
    QTest::addColumn<QString>("name");
    QTest::newRow("None") << JwsResult::Error::None << QStringLiteral("ok");
    QTest::newRow("Malformed") << JwsResult::Error::Malformed << QStringLiteral("malformed");
    QTest::newRow("BadBase64") << JwsResult::Error::BadBase64 << QStringLiteral("bad_base64");
    QTest::newRow("BadHeader") << JwsResult::Error::BadHeader << QStringLiteral("bad_header");
    QTest::newRow("UnsupportedAlgorithm") << JwsResult::Error::UnsupportedAlgorithm << QStringLiteral("unsupported_alg");
    QTest::newRow("CriticalHeader") << JwsResult::Error::CriticalHeader << QStringLiteral("crit_not_supported");
    QTest::newRow("TypeMismatch") << JwsResult::Error::TypeMismatch << QStringLiteral("typ_mismatch");
    QTest::newRow("KeyMismatch") << JwsResult::Error::KeyMismatch << QStringLiteral("kid_mismatch");
    QTest::newRow("BadSignature") << JwsResult::Error::BadSignature << QStringLiteral("bad_signature");
    QTest::newRow("BadPayload") << JwsResult::Error::BadPayload << QStringLiteral("bad_payload");
    QTest::newRow("NonCanonicalPayload") << JwsResult::Error::NonCanonicalPayload << QStringLiteral("non_canonical_payload");
}

void TestJws::errorNamesAreStable()
{
    QFETCH(JwsResult::Error, error);
    QFETCH(QString, name);
    QCOMPARE(JwsResult::errorName(error), name);
}

QTEST_GUILESS_MAIN(TestJws)
#include "TestJws.moc"
