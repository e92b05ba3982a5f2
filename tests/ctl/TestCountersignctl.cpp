#include "core/ActionDigest.h"
#include "core/Base64Url.h"
#include "core/JsonParser.h"
#include "core/KeyFile.h"
#include "support/ProcessRunner.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using countersign::testing::ProcessRunner;
namespace core = countersign::core;

// Drives the real countersignctl binary, and cross-checks what it writes with
// the real openssl binary.
class TestCountersignctl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void helpListsCommandsAndExitCodes();
    void usageErrorsExitTwo();
    void keygenWritesProtectedKeyPair();
    void keygenRefusesToOverwrite();
    void keygenWithoutPassphraseFails();
    void keyIdOfPublicAndPrivateKeyAgree();
    void keyIdWithWrongPassphraseFails();
    void canonicalizeRfc8785Example();
    void canonicalizeReadsStdin();
    void canonicalizeRejectsInvalidJson();
    void digestOfScenariosMatchesCore_data();
    void digestOfScenariosMatchesCore();
    void digestIsIndependentOfKeyOrder();
    void signThenVerifyRoundTrips();
    void signatureVerifiesWithOpenssl();
    void opensslDecryptsTheKeyFile();
    void verifyRejectsOtherKey();
    void verifyRejectsTamperedPayload();
    void verifyRejectsWrongType();
    void signRefusesInvalidDecision();
    void signWithWrongPassphraseFails();
    void validateScenarios_data();
    void validateScenarios();
    void validatePrintsEveryErrorWithPath();
    void missingInputFileIsIoError();
    void workedExampleFromSigningDoc();
    void renderShowsEveryFlagOfTheRenewal();
    void renderShowsTheSpoofingCorpus_data();
    void renderShowsTheSpoofingCorpus();
    void renderRefusesInvalidActions();

private:
    ProcessRunner ctl() const { return ProcessRunner(QStringLiteral(COUNTERSIGNCTL_PATH)); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString writeFile(const QString &name, const QByteArray &content);
    static QByteArray readFile(const QString &path);
    static QString scenario(const QString &name);
    QByteArray decisionStatement(const QString &approver) const;

    QTemporaryDir m_dir;
    QString m_passFile;
    QString m_keyId;
};

void TestCountersignctl::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_passFile = writeFile(QStringLiteral("pass.txt"), QByteArrayLiteral("correct horse battery staple\n"));
    const auto result = ctl().run({QStringLiteral("keygen"), QStringLiteral("--out"), path(QStringLiteral("alice")),
                                   QStringLiteral("--passphrase-file"), m_passFile});
    QCOMPARE(result.exitCode, 0);
    m_keyId = QString::fromUtf8(result.out.trimmed());
    QVERIFY2(m_keyId.startsWith(QStringLiteral("ed25519:")), qPrintable(m_keyId));
}

QString TestCountersignctl::writeFile(const QString &name, const QByteArray &content)
{
    QFile file(path(name));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return file.fileName();
}

QByteArray TestCountersignctl::readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString TestCountersignctl::scenario(const QString &name)
{
    return QStringLiteral(COUNTERSIGN_SCENARIO_DIR "/") + name + QStringLiteral(".json");
}

QByteArray TestCountersignctl::decisionStatement(const QString &approver) const
{
    return QStringLiteral(
               R"({"action_id":"act_01","action_digest":"sha256:O74UwPxpV4089wZLNySry0e9j7NAcv6YO3elWr3Gtxc",)"
               R"("verdict":"deny","reason":"Refund goes to an account only the ticket mentions.",)"
               R"("approver":"%1","issued_at":"2026-12-04T12:00:00Z","nonce":"bm9uY2Utbm9uY2Utbm9uY2U"})")
        .arg(approver)
        .toUtf8();
}

void TestCountersignctl::helpListsCommandsAndExitCodes()
{
    const auto result = ctl().run({QStringLiteral("--help")});
    QCOMPARE(result.exitCode, 0);
    for (const char *word : {"keygen", "key-id", "canonicalize", "digest", "sign", "verify", "validate", "0  ok",
                             "1  check failed", "2  usage error", "3  I/O or key error"})
        QVERIFY2(result.out.contains(word), word);
    QCOMPARE(ctl().run({QStringLiteral("sign"), QStringLiteral("--help")}).exitCode, 0);
}

void TestCountersignctl::usageErrorsExitTwo()
{
    QCOMPARE(ctl().run({}).exitCode, 2);
    QCOMPARE(ctl().run({QStringLiteral("frobnicate")}).exitCode, 2);
    QCOMPARE(ctl().run({QStringLiteral("sign"), QStringLiteral("--bogus")}).exitCode, 2);
    QCOMPARE(ctl().run({QStringLiteral("sign"), QStringLiteral("--type"), QStringLiteral("x")}).exitCode, 2);
    QCOMPARE(ctl().run({QStringLiteral("keygen")}).exitCode, 2);
    QCOMPARE(ctl().run({QStringLiteral("validate"), QStringLiteral("--kind"), QStringLiteral("poem")}).exitCode, 2);
}

void TestCountersignctl::keygenWritesProtectedKeyPair()
{
    const QFileInfo key(path(QStringLiteral("alice.key")));
    QVERIFY(key.exists());
    QCOMPARE(key.permissions() & ~(QFile::ReadUser | QFile::WriteUser | QFile::ExeUser),
             QFile::ReadOwner | QFile::WriteOwner);
    QCOMPARE(readFile(key.filePath()).left(37), QByteArrayLiteral("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    const QByteArray pub = readFile(path(QStringLiteral("alice.pub")));
    QVERIFY(pub.startsWith("-----BEGIN PUBLIC KEY-----"));
    const auto pubKey = core::Ed25519PublicKey::fromPem(pub);
    QVERIFY(pubKey);
    QCOMPARE(pubKey->keyId(), m_keyId);
}

void TestCountersignctl::keygenRefusesToOverwrite()
{
    const QByteArray before = readFile(path(QStringLiteral("alice.key")));
    const auto result = ctl().run({QStringLiteral("keygen"), QStringLiteral("--out"), path(QStringLiteral("alice")),
                                   QStringLiteral("--passphrase-file"), m_passFile});
    QCOMPARE(result.exitCode, 3);
    QVERIFY(result.err.contains("refusing to overwrite"));
    QCOMPARE(readFile(path(QStringLiteral("alice.key"))), before);
}

void TestCountersignctl::keygenWithoutPassphraseFails()
{
    const auto result = ctl().run({QStringLiteral("keygen"), QStringLiteral("--out"), path(QStringLiteral("nopass"))});
    QCOMPARE(result.exitCode, 3);
    QVERIFY(result.err.contains("no passphrase"));
    QVERIFY(!QFile::exists(path(QStringLiteral("nopass.key"))));
}

void TestCountersignctl::keyIdOfPublicAndPrivateKeyAgree()
{
    const auto pub = ctl().run({QStringLiteral("key-id"), path(QStringLiteral("alice.pub"))});
    QCOMPARE(pub.exitCode, 0);
    QCOMPARE(QString::fromUtf8(pub.out.trimmed()), m_keyId);
    const auto priv = ctl()
                          .setEnvironmentVariable(QStringLiteral("COUNTERSIGN_PASSPHRASE"),
                                                  QStringLiteral("correct horse battery staple"))
                          .run({QStringLiteral("key-id"), path(QStringLiteral("alice.key"))});
    QCOMPARE(priv.exitCode, 0);
    QCOMPARE(QString::fromUtf8(priv.out.trimmed()), m_keyId);
    // The key id is base64url(SHA-256(raw public key)): recompute it from openssl's view of the key.
    const auto der = ProcessRunner(QStringLiteral("openssl"))
                         .run({QStringLiteral("pkey"), QStringLiteral("-pubin"), QStringLiteral("-in"),
                               path(QStringLiteral("alice.pub")), QStringLiteral("-outform"), QStringLiteral("DER")});
    QCOMPARE(der.exitCode, 0);
    QCOMPARE(der.out.size(), 44); // 12-byte SPKI prefix + 32-byte key
    const QByteArray raw = der.out.right(32);
    const auto sha = ProcessRunner(QStringLiteral("openssl"))
                         .run({QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-binary")}, raw);
    QCOMPARE(QStringLiteral("ed25519:") + QString::fromLatin1(core::Base64Url::encode(sha.out)), m_keyId);
}

void TestCountersignctl::keyIdWithWrongPassphraseFails()
{
    const QString wrong = writeFile(QStringLiteral("wrong.txt"), QByteArrayLiteral("Tr0ub4dor&3\n"));
    const auto result = ctl().run(
        {QStringLiteral("key-id"), path(QStringLiteral("alice.key")), QStringLiteral("--passphrase-file"), wrong});
    QCOMPARE(result.exitCode, 3);
    QVERIFY(result.err.contains("wrong passphrase"));
    QVERIFY(!result.err.contains("Tr0ub4dor"));
}

void TestCountersignctl::canonicalizeRfc8785Example()
{
    const QString input = writeFile(
        QStringLiteral("rfc8785.json"),
        QByteArrayLiteral("{\n  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
                          "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                          "  \"literals\": [null, true, false]\n}\n"));
    const auto result = ctl().run({QStringLiteral("canonicalize"), input});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out,
             QByteArray("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        "\"string\":\"\xe2\x82\xac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}"));
}

void TestCountersignctl::canonicalizeReadsStdin()
{
    const auto result = ctl().run({QStringLiteral("canonicalize")}, QByteArrayLiteral("{ \"b\" : -0, \"a\": 1e21 }"));
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QByteArrayLiteral("{\"a\":1e+21,\"b\":0}"));
}

void TestCountersignctl::canonicalizeRejectsInvalidJson()
{
    const auto result = ctl().run({QStringLiteral("canonicalize")}, QByteArrayLiteral("{\"a\":1,\"a\":2}"));
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains("a: duplicate member name"), result.err.constData());
}

void TestCountersignctl::digestOfScenariosMatchesCore_data()
{
    QTest::addColumn<QString>("name");
    for (const char *name :
         {"customer-refund", "iam-role-grant", "mcp-file-write", "prod-schema-migration", "renewal-outreach-email"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestCountersignctl::digestOfScenariosMatchesCore()
{
    QFETCH(QString, name);
    const auto result = ctl().run({QStringLiteral("digest"), scenario(name)});
    QCOMPARE(result.exitCode, 0);
    const auto parsed = core::JsonParser::parseObject(readFile(scenario(name)));
    QVERIFY(parsed.ok());
    QCOMPARE(QString::fromUtf8(result.out.trimmed()), core::ActionDigest::compute(parsed.value->toObject()));
    // And independently: sha256 of the canonical bytes countersignctl prints, by openssl.
    const auto canonical = ctl().run({QStringLiteral("canonicalize"), scenario(name)});
    const auto sha
        = ProcessRunner(QStringLiteral("openssl"))
              .run({QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-binary")}, canonical.out);
    QCOMPARE(QString::fromUtf8(result.out.trimmed()),
             QStringLiteral("sha256:") + QString::fromLatin1(core::Base64Url::encode(sha.out)));
}

void TestCountersignctl::digestIsIndependentOfKeyOrder()
{
    // QJsonDocument writes members in a different order and layout than the file.
    const auto parsed = core::JsonParser::parseObject(readFile(scenario(QStringLiteral("customer-refund"))));
    QVERIFY(parsed.ok());
    const QString reordered
        = writeFile(QStringLiteral("reordered.json"), QJsonDocument(parsed.value->toObject()).toJson());
    const auto a = ctl().run({QStringLiteral("digest"), scenario(QStringLiteral("customer-refund"))});
    const auto b = ctl().run({QStringLiteral("digest"), reordered});
    QCOMPARE(a.exitCode, 0);
    QCOMPARE(b.out, a.out);
}

void TestCountersignctl::signThenVerifyRoundTrips()
{
    const QString statement = writeFile(QStringLiteral("decision.json"), decisionStatement(m_keyId));
    const auto signedResult = ctl().run(
        {QStringLiteral("sign"), QStringLiteral("--key"), path(QStringLiteral("alice.key")), QStringLiteral("--type"),
         QStringLiteral("countersign.decision"), QStringLiteral("--passphrase-file"), m_passFile, statement});
    QCOMPARE(signedResult.exitCode, 0);
    QCOMPARE(signedResult.out.count('.'), 2);
    const QString jws = writeFile(QStringLiteral("decision.jws"), signedResult.out);
    const auto verified
        = ctl().run({QStringLiteral("verify"), QStringLiteral("--pub"), path(QStringLiteral("alice.pub")),
                     QStringLiteral("--type"), QStringLiteral("countersign.decision"), jws});
    QCOMPARE(verified.exitCode, 0);
    const auto canonical = ctl().run({QStringLiteral("canonicalize"), statement});
    QCOMPARE(verified.out, canonical.out);
}

void TestCountersignctl::signatureVerifiesWithOpenssl()
{
    const QString statement = writeFile(QStringLiteral("decision2.json"), decisionStatement(m_keyId));
    const auto signedResult = ctl().run(
        {QStringLiteral("sign"), QStringLiteral("--key"), path(QStringLiteral("alice.key")), QStringLiteral("--type"),
         QStringLiteral("countersign.decision"), QStringLiteral("--passphrase-file"), m_passFile, statement});
    QCOMPARE(signedResult.exitCode, 0);
    const QByteArray jws = signedResult.out.trimmed();
    const qsizetype lastDot = jws.lastIndexOf('.');
    const QString input = writeFile(QStringLiteral("signing-input.bin"), jws.left(lastDot));
    const auto signature = core::Base64Url::decode(jws.mid(lastDot + 1));
    QVERIFY(signature);
    const QString sig = writeFile(QStringLiteral("signature.bin"), *signature);
    const QStringList args {QStringLiteral("pkeyutl"),
                            QStringLiteral("-verify"),
                            QStringLiteral("-pubin"),
                            QStringLiteral("-inkey"),
                            path(QStringLiteral("alice.pub")),
                            QStringLiteral("-rawin"),
                            QStringLiteral("-in"),
                            input,
                            QStringLiteral("-sigfile"),
                            sig};
    const auto good = ProcessRunner(QStringLiteral("openssl")).run(args);
    QCOMPARE(good.exitCode, 0);
    QVERIFY2(good.out.contains("Signature Verified Successfully"), good.out.constData());
    // openssl must also reject the same signature over other bytes.
    writeFile(QStringLiteral("signing-input.bin"), jws.left(lastDot) + 'x');
    QVERIFY(ProcessRunner(QStringLiteral("openssl")).run(args).exitCode != 0);
}

void TestCountersignctl::opensslDecryptsTheKeyFile()
{
    const auto result
        = ProcessRunner(QStringLiteral("openssl"))
              .run({QStringLiteral("pkey"), QStringLiteral("-in"), path(QStringLiteral("alice.key")),
                    QStringLiteral("-passin"), QStringLiteral("file:") + m_passFile, QStringLiteral("-pubout")});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, readFile(path(QStringLiteral("alice.pub"))));
    const auto info = ProcessRunner(QStringLiteral("openssl"))
                          .run({QStringLiteral("asn1parse"), QStringLiteral("-in"), path(QStringLiteral("alice.key"))});
    QVERIFY2(info.out.contains(":scrypt"), "the key file is protected with scrypt");
}

void TestCountersignctl::verifyRejectsOtherKey()
{
    QVERIFY(ctl()
                .run({QStringLiteral("keygen"), QStringLiteral("--out"), path(QStringLiteral("mallory")),
                      QStringLiteral("--passphrase-file"), m_passFile})
                .exitCode
            == 0);
    const QString statement = writeFile(QStringLiteral("decision3.json"), decisionStatement(m_keyId));
    const auto signedResult = ctl().run(
        {QStringLiteral("sign"), QStringLiteral("--key"), path(QStringLiteral("alice.key")), QStringLiteral("--type"),
         QStringLiteral("countersign.decision"), QStringLiteral("--passphrase-file"), m_passFile, statement});
    const auto result = ctl().run(
        {QStringLiteral("verify"), QStringLiteral("--pub"), path(QStringLiteral("mallory.pub"))}, signedResult.out);
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains("kid_mismatch"), result.err.constData());
}

void TestCountersignctl::verifyRejectsTamperedPayload()
{
    const QString statement = writeFile(QStringLiteral("decision4.json"), decisionStatement(m_keyId));
    const auto signedResult = ctl().run(
        {QStringLiteral("sign"), QStringLiteral("--key"), path(QStringLiteral("alice.key")), QStringLiteral("--type"),
         QStringLiteral("countersign.decision"), QStringLiteral("--passphrase-file"), m_passFile, statement});
    const QList<QByteArray> parts = signedResult.out.trimmed().split('.');
    QCOMPARE(parts.size(), 3);
    QByteArray payload = *core::Base64Url::decode(parts[1]);
    payload.replace("\"deny\"", "\"approve\"");
    const QByteArray forged = parts[0] + '.' + core::Base64Url::encode(payload) + '.' + parts[2];
    const auto result
        = ctl().run({QStringLiteral("verify"), QStringLiteral("--pub"), path(QStringLiteral("alice.pub"))}, forged);
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains("bad_signature"), result.err.constData());
}

void TestCountersignctl::verifyRejectsWrongType()
{
    const QString statement = writeFile(QStringLiteral("decision5.json"), decisionStatement(m_keyId));
    const auto signedResult = ctl().run(
        {QStringLiteral("sign"), QStringLiteral("--key"), path(QStringLiteral("alice.key")), QStringLiteral("--type"),
         QStringLiteral("countersign.decision"), QStringLiteral("--passphrase-file"), m_passFile, statement});
    const auto result = ctl().run({QStringLiteral("verify"), QStringLiteral("--pub"), path(QStringLiteral("alice.pub")),
                                   QStringLiteral("--type"), QStringLiteral("countersign.killswitch")},
                                  signedResult.out);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("typ_mismatch"), result.err.constData());
}

void TestCountersignctl::signRefusesInvalidDecision()
{
    QByteArray bad = decisionStatement(m_keyId);
    bad.replace("\"deny\"", "\"maybe\"");
    const auto result = ctl().run({QStringLiteral("sign"), QStringLiteral("--key"), path(QStringLiteral("alice.key")),
                                   QStringLiteral("--type"), QStringLiteral("countersign.decision"),
                                   QStringLiteral("--passphrase-file"), m_passFile},
                                  bad);
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains("verdict: expected one of approve, deny"), result.err.constData());
}

void TestCountersignctl::signWithWrongPassphraseFails()
{
    const QString wrong = writeFile(QStringLiteral("wrong2.txt"), QByteArrayLiteral("not it"));
    const auto result = ctl().run({QStringLiteral("sign"), QStringLiteral("--key"), path(QStringLiteral("alice.key")),
                                   QStringLiteral("--type"), QStringLiteral("countersign.decision"),
                                   QStringLiteral("--passphrase-file"), wrong},
                                  decisionStatement(m_keyId));
    QCOMPARE(result.exitCode, 3);
    QVERIFY(result.out.isEmpty());
}

void TestCountersignctl::validateScenarios_data()
{
    digestOfScenariosMatchesCore_data();
}

void TestCountersignctl::validateScenarios()
{
    QFETCH(QString, name);
    const auto result = ctl().run({QStringLiteral("validate"), scenario(name)});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QByteArrayLiteral("ok\n"));
}

void TestCountersignctl::renderShowsEveryFlagOfTheRenewal()
{
    const auto result
        = ctl().run({QStringLiteral("render"), QStringLiteral("--tenant-domain"), QStringLiteral("acme.example"),
                     QStringLiteral("--now"), QStringLiteral("2026-12-04T09:13:00Z"),
                     scenario(QStringLiteral("renewal-outreach-email"))});
    QCOMPARE(result.exitCode, 0);
    const QString out = QString::fromUtf8(result.out);
    for (const QString &expected : {
             QStringLiteral("== Tool arguments =="),
             QStringLiteral("  cc[0]: \"j.meyer@globex-partners.example\""),
             QStringLiteral("⚑ [not_from_request] cc[0]: Not from the user's request: the recipient "
                            "j.meyer@globex-partners.example"),
             QStringLiteral("⚑ [external_domain] cc[0]: External domain globex-partners.example"),
             QStringLiteral("⚑ [prompt_injection] ev-2: Possible prompt injection: this text tells the agent to ignore "
                            "its instructions: “ignore your previous instructions”"),
             QStringLiteral("⚑ [untrusted] ev-2: Untrusted source (user-generated)"),
             QStringLiteral("    │   Floor price approved by finance: 121,500 USD"),
         })
        QVERIFY2(out.contains(expected), qPrintable(expected + QStringLiteral("\n---\n") + out));
}

void TestCountersignctl::renderShowsTheSpoofingCorpus_data()
{
    QTest::addColumn<QString>("file");
    const QDir dir(QStringLiteral(COUNTERSIGN_SOURCE_DIR "/tests/data/spoofing"));
    for (const QString &f : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
}

void TestCountersignctl::renderShowsTheSpoofingCorpus()
{
    QFETCH(QString, file);
    const QJsonObject expect
        = QJsonDocument::fromJson(readFile(file)).object().value(QStringLiteral("x-expect")).toObject();
    const auto result = ctl().run(
        {QStringLiteral("render"), QStringLiteral("--tenant-domain"), QStringLiteral("acme.example"), file});
    QCOMPARE(result.exitCode, 0);
    const QString out = QString::fromUtf8(result.out);
    const QString flag = expect.value(QStringLiteral("flag")).toString();
    if (!flag.isEmpty())
        QVERIFY2(out.contains(QStringLiteral("⚑ [") + flag + u']'), qPrintable(out));
    QVERIFY2(out.contains(expect.value(QStringLiteral("shown")).toString()), qPrintable(out));
    // Nothing in the transcript can drive a terminal: no escape or other C0 control but line feed.
    for (QChar c : out)
        QVERIFY(c == u'\n' || c == u'\t' || c.unicode() >= 0x20);
}

void TestCountersignctl::renderRefusesInvalidActions()
{
    const auto result
        = ctl().run({QStringLiteral("render")}, QByteArrayLiteral("{\"tenant\": \"a\", \"tenant\": \"b\"}"));
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QVERIFY(!result.err.isEmpty());
}

void TestCountersignctl::validatePrintsEveryErrorWithPath()
{
    QByteArray doc = readFile(scenario(QStringLiteral("prod-schema-migration")));
    doc.replace("\"expires_at\": \"2026-12-04T10:10:10Z\"", "\"expires_at\": \"tomorrow\"");
    doc.replace("\"access\": \"write\", \"classification\": \"restricted\"",
                "\"access\": \"exfiltrate\", \"classification\": \"restricted\"");
    const auto result = ctl().run({QStringLiteral("validate")}, doc);
    QCOMPARE(result.exitCode, 1);
    const QList<QByteArray> lines = result.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.contains("authority_chain[2].expires_at: expected RFC 3339 timestamp (e.g. 2026-12-04T11:40:00Z)"),
             result.out.constData());
    QVERIFY2(lines.contains("data_scopes[1].access: expected one of read, write, delete, send, execute"),
             result.out.constData());
}

void TestCountersignctl::missingInputFileIsIoError()
{
    const auto result = ctl().run({QStringLiteral("digest"), path(QStringLiteral("does-not-exist.json"))});
    QCOMPARE(result.exitCode, 3);
    QVERIFY(result.err.contains("cannot read"));
}

// docs/signing.md section 5, step by step: the RFC 8032 TEST 1 key turned into
// key files by openssl, then the documented key id, digest and JWS.
void TestCountersignctl::workedExampleFromSigningDoc()
{
    const QString exampleDir = QStringLiteral(COUNTERSIGN_TEST_DATA_DIR "/signing-example/");
    const QByteArray der = QByteArray::fromHex("302e020100300506032b657004220420"
                                               "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    const QString derPath = writeFile(QStringLiteral("approver.der"), der);
    const QString pass = writeFile(QStringLiteral("example-pass.txt"), QByteArrayLiteral("example passphrase\n"));
    const ProcessRunner openssl(QStringLiteral("openssl"));
    QCOMPARE(openssl
                 .run({QStringLiteral("pkcs8"), QStringLiteral("-topk8"), QStringLiteral("-scrypt"),
                       QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"), derPath,
                       QStringLiteral("-passout"), QStringLiteral("file:") + pass, QStringLiteral("-out"),
                       path(QStringLiteral("approver.key"))})
                 .exitCode,
             0);
    QCOMPARE(
        openssl
            .run({QStringLiteral("pkey"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"),
                  derPath, QStringLiteral("-pubout"), QStringLiteral("-out"), path(QStringLiteral("approver.pub"))})
            .exitCode,
        0);

    const auto keyId = ctl().run({QStringLiteral("key-id"), path(QStringLiteral("approver.pub"))});
    QCOMPARE(keyId.out, QByteArrayLiteral("ed25519:If4x36FUomFia_hUBG_SJxt77UtqvkWqWId-9H-XIbk\n"));

    const auto digest = ctl().run({QStringLiteral("digest"), scenario(QStringLiteral("customer-refund"))});
    QCOMPARE(digest.out, QByteArrayLiteral("sha256:O74UwPxpV4089wZLNySry0e9j7NAcv6YO3elWr3Gtxc\n"));

    const auto signedResult
        = ctl().run({QStringLiteral("sign"), QStringLiteral("--key"), path(QStringLiteral("approver.key")),
                     QStringLiteral("--type"), QStringLiteral("countersign.decision"),
                     QStringLiteral("--passphrase-file"), pass, exampleDir + QStringLiteral("decision.json")});
    QCOMPARE(signedResult.exitCode, 0);
    QCOMPARE(signedResult.out, readFile(exampleDir + QStringLiteral("decision.jws")));

    QFile doc(QStringLiteral(COUNTERSIGN_SOURCE_DIR "/docs/signing.md"));
    QVERIFY(doc.open(QIODevice::ReadOnly));
    QVERIFY2(doc.readAll().contains(signedResult.out.trimmed()), "docs/signing.md shows the JWS the tools produce");
}

QTEST_GUILESS_MAIN(TestCountersignctl)
#include "TestCountersignctl.moc"
