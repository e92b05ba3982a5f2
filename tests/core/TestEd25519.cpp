#include "CoreTestSupport.h"
#include "core/Base64Url.h"
#include "core/Ed25519PrivateKey.h"
#include "core/Ed25519PublicKey.h"
#include "core/KeyFile.h"
#include "core/SecureBytes.h"
#include "core/Sha256.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

using countersign::core::Base64Url;
using countersign::core::Ed25519PrivateKey;
using countersign::core::Ed25519PublicKey;
using countersign::core::KeyFile;
using countersign::core::SecureBytes;
using countersign::core::Sha256;
namespace coretest = countersign::coretest;

// Ed25519 keys (RFC 8032), their key ids, the key files they live in (checked
// against the real openssl binary), and the two primitives they rest on:
// strict base64url and SHA-256.
class TestEd25519 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void rfc8032Vectors_data();
    void rfc8032Vectors();
    void verifyRejectsAFlippedSignatureBit_data();
    void verifyRejectsAFlippedSignatureBit();
    void verifyRejectsAnAlteredMessage_data();
    void verifyRejectsAnAlteredMessage();
    void verifyRejectsAnotherPublicKey_data();
    void verifyRejectsAnotherPublicKey();
    void verifyRejectsWrongSignatureLengths();
    void keyIdIsSha256OfTheRawPublicKey_data();
    void keyIdIsSha256OfTheRawPublicKey();
    void rawKeysOfTheWrongLengthAreRefused();
    void generatedKeysAreDistinctAndWork();
    void publicKeyEncodingsRoundTrip();

    void keyFilesRoundTrip();
    void privateKeyFileIsOwnerOnlyEvenWhenReplacingAPermissiveFile();
    void wrongPassphraseIsRefused();
    void emptyPassphraseIsRefused();
    void nullKeysAreNotWritten();
    void truncatedKeyFileIsRefused_data();
    void truncatedKeyFileIsRefused();
    void corruptedKeyFileIsRefused_data();
    void corruptedKeyFileIsRefused();
    void unencryptedPkcs8IsRefused();
    void nonEd25519PublicKeyIsRefused_data();
    void nonEd25519PublicKeyIsRefused();
    void nonEd25519EncryptedPrivateKeyIsRefused();
    void opensslEncryptedKeyIsReadable_data();
    void opensslEncryptedKeyIsReadable();
    void opensslDecryptsOurKeyFile();
    void pemHeadersNeverTriggerAPassphrasePrompt_data();
    void pemHeadersNeverTriggerAPassphrasePrompt();
    void missingAndOversizedKeyFilesAreRefused();
    void isPrivateKeyFileTellsKeyFilesApart();

    void base64UrlEncodesRfc4648Vectors_data();
    void base64UrlEncodesRfc4648Vectors();
    void base64UrlDecodingIsStrict_data();
    void base64UrlDecodingIsStrict();
    void base64UrlRoundTripsEveryLength();

    void sha256KnownVectors_data();
    void sha256KnownVectors();
    void sha256IncrementalEqualsOneShot();
    void sha256IsReusableAfterFinish();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    coretest::ProcessResult openssl(const QStringList &arguments, const QByteArray &input = QByteArray()) const;
    static Ed25519PrivateKey seedKey(const char *seedHex);
    static int fileMode(const QString &path);
    static int runPemProbe(const QString &spec);

    QTemporaryDir m_dir;
    QString m_openssl;
};

namespace {

const char kPassphrase[] = "correct horse battery staple";
const char kProbeVariable[] = "COUNTERSIGN_TEST_PEM_PROBE";
const char kProbeInput[] = "hunter2\n";

SecureBytes passphrase(const char *text = kPassphrase)
{
    return SecureBytes(QByteArrayView(text, qsizetype(std::strlen(text))));
}

QByteArray flipBit(QByteArray bytes, qsizetype index, int bit = 0)
{
    bytes[index] = char(uchar(bytes[index]) ^ (1u << bit));
    return bytes;
}

// The DER inside a PEM block, and back.
QByteArray pemBody(const QByteArray &pem)
{
    QByteArray base64;
    for (const QByteArray &line : pem.split('\n')) {
        if (!line.startsWith("-----"))
            base64 += line;
    }
    return QByteArray::fromBase64(base64);
}

QByteArray toPem(const QByteArray &label, const QByteArray &der)
{
    const QByteArray base64 = der.toBase64();
    QByteArray pem = "-----BEGIN " + label + "-----\n";
    for (qsizetype i = 0; i < base64.size(); i += 64)
        pem += base64.mid(i, 64) + '\n';
    pem += "-----END " + label + "-----\n";
    return pem;
}

QByteArray withLegacyEncryptionHeaders(const QByteArray &pem)
{
    QByteArray crafted = pem;
    crafted.insert(pem.indexOf('\n') + 1,
                   QByteArrayView("Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\n"));
    return crafted;
}

} // namespace

coretest::ProcessResult TestEd25519::openssl(const QStringList &arguments, const QByteArray &input) const
{
    return coretest::runProcess(m_openssl, arguments, input);
}

Ed25519PrivateKey TestEd25519::seedKey(const char *seedHex)
{
    auto key = Ed25519PrivateKey::fromSeed(SecureBytes(QByteArray::fromHex(seedHex)));
    return key ? std::move(*key) : Ed25519PrivateKey();
}

int TestEd25519::fileMode(const QString &filePath)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(filePath).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

// Runs in a child copy of this test binary (see pemHeadersNeverTriggerAPassphrasePrompt):
// reads the key file, then checks that stdin was left alone.
int TestEd25519::runPemProbe(const QString &spec)
{
    const qsizetype colon = spec.indexOf(QLatin1Char(':'));
    const QString kind = spec.left(colon);
    const QString file = spec.mid(colon + 1);
    QString error;
    const bool loaded = kind == QStringLiteral("public") ? KeyFile::readPublicKey(file, &error).has_value()
                                                         : KeyFile::readPrivateKey(file, passphrase(), &error).has_value();
    QFile in;
    const QByteArray rest = in.open(stdin, QIODevice::ReadOnly) ? in.readAll() : QByteArray();
    if (loaded)
        return 3;
    if (rest != QByteArrayView(kProbeInput))
        return 4; // somebody read a "passphrase" from stdin
    return error.isEmpty() ? 5 : 0;
}

void TestEd25519::initTestCase()
{
    const QByteArray probe = qgetenv(kProbeVariable);
    if (!probe.isEmpty()) {
        const int code = runPemProbe(QString::fromLocal8Bit(probe));
        std::fflush(stdout);
        std::fflush(stderr);
        std::_Exit(code);
    }
    QVERIFY(m_dir.isValid());
    m_openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    QVERIFY2(!m_openssl.isEmpty(), "the openssl binary is needed to cross-check key files");
}

void TestEd25519::rfc8032Vectors_data()
{
    QTest::addColumn<QByteArray>("seed");
    QTest::addColumn<QByteArray>("publicKey");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("signature");
    // RFC 8032 section 7.1.
    QTest::newRow("TEST 1")
        << QByteArray("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
        << QByteArray("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a") << QByteArray("")
        << QByteArray("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    QTest::newRow("TEST 2")
        << QByteArray("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb")
        << QByteArray("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c") << QByteArray("72")
        << QByteArray("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    QTest::newRow("TEST 3")
        << QByteArray("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7")
        << QByteArray("fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025") << QByteArray("af82")
        << QByteArray("6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a");
    QTest::newRow("TEST SHA(abc)")
        << QByteArray("833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42")
        << QByteArray("ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf")
        << QByteArray("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
        << QByteArray("dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704");
}

void TestEd25519::rfc8032Vectors()
{
    QFETCH(QByteArray, seed);
    QFETCH(QByteArray, publicKey);
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, signature);
    const auto key = Ed25519PrivateKey::fromSeed(SecureBytes(QByteArray::fromHex(seed)));
    QVERIFY(key.has_value());
    QVERIFY(!key->isNull());
    QCOMPARE(key->publicKey().raw().toHex(), publicKey);
    const QByteArray msg = QByteArray::fromHex(message);
    QCOMPARE(key->sign(msg).toHex(), signature);
    QVERIFY(key->publicKey().verify(msg, QByteArray::fromHex(signature)));
    const auto pub = Ed25519PublicKey::fromRaw(QByteArray::fromHex(publicKey));
    QVERIFY(pub.has_value());
    QCOMPARE(*pub, key->publicKey());
    QVERIFY(pub->verify(msg, QByteArray::fromHex(signature)));
}

void TestEd25519::verifyRejectsAFlippedSignatureBit_data()
{
    rfc8032Vectors_data();
}

void TestEd25519::verifyRejectsAFlippedSignatureBit()
{
    QFETCH(QByteArray, publicKey);
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, signature);
    const auto pub = Ed25519PublicKey::fromRaw(QByteArray::fromHex(publicKey));
    QVERIFY(pub.has_value());
    const QByteArray msg = QByteArray::fromHex(message);
    const QByteArray sig = QByteArray::fromHex(signature);
    QVERIFY(pub->verify(msg, sig));
    for (const qsizetype index : {0, 1, 31, 32, 33, 62, 63}) {
        for (const int bit : {0, 7}) {
            QVERIFY2(!pub->verify(msg, flipBit(sig, index, bit)),
                     qPrintable(QStringLiteral("bit %1 of byte %2 flipped still verifies").arg(bit).arg(index)));
        }
    }
}

void TestEd25519::verifyRejectsAnAlteredMessage_data()
{
    rfc8032Vectors_data();
}

void TestEd25519::verifyRejectsAnAlteredMessage()
{
    QFETCH(QByteArray, publicKey);
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, signature);
    const auto pub = Ed25519PublicKey::fromRaw(QByteArray::fromHex(publicKey));
    QVERIFY(pub.has_value());
    const QByteArray msg = QByteArray::fromHex(message);
    const QByteArray sig = QByteArray::fromHex(signature);
    QVERIFY(!pub->verify(QByteArray(msg + '\0'), sig));
    QVERIFY(!pub->verify(QByteArray(msg + 'x'), sig));
    if (!msg.isEmpty()) {
        QVERIFY(!pub->verify(flipBit(msg, 0), sig));
        QVERIFY(!pub->verify(flipBit(msg, msg.size() - 1, 7), sig));
        QVERIFY(!pub->verify(msg.chopped(1), sig));
    }
}

void TestEd25519::verifyRejectsAnotherPublicKey_data()
{
    rfc8032Vectors_data();
}

void TestEd25519::verifyRejectsAnotherPublicKey()
{
    QFETCH(QByteArray, publicKey);
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, signature);
    const QByteArray raw = QByteArray::fromHex(publicKey);
    const QByteArray msg = QByteArray::fromHex(message);
    const QByteArray sig = QByteArray::fromHex(signature);
    for (const qsizetype index : {0, 15, 31}) {
        const auto other = Ed25519PublicKey::fromRaw(flipBit(raw, index));
        // A flipped key is either refused outright or does not verify.
        QVERIFY2(!other || !other->verify(msg, sig), qPrintable(QStringLiteral("byte %1 flipped still verifies").arg(index)));
    }
    const Ed25519PrivateKey unrelated = Ed25519PrivateKey::generate();
    QVERIFY(!unrelated.publicKey().verify(msg, sig));
}

void TestEd25519::verifyRejectsWrongSignatureLengths()
{
    const Ed25519PrivateKey key = seedKey("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    const QByteArray message = "message";
    const QByteArray sig = key.sign(message);
    QCOMPARE(sig.size(), 64);
    QVERIFY(key.publicKey().verify(message, sig));
    QVERIFY(!key.publicKey().verify(message, QByteArray()));
    QVERIFY(!key.publicKey().verify(message, sig.first(63)));
    QVERIFY(!key.publicKey().verify(message, QByteArray(sig + '\0')));
    QVERIFY(!key.publicKey().verify(message, QByteArray(sig + sig)));
    QVERIFY(!Ed25519PublicKey().verify(message, sig));
}

void TestEd25519::keyIdIsSha256OfTheRawPublicKey_data()
{
    rfc8032Vectors_data();
}

void TestEd25519::keyIdIsSha256OfTheRawPublicKey()
{
    QFETCH(QByteArray, seed);
    QFETCH(QByteArray, publicKey);
    const auto key = Ed25519PrivateKey::fromSeed(SecureBytes(QByteArray::fromHex(seed)));
    QVERIFY(key.has_value());
    const QString expected = coretest::independentPrefixedHash(QStringLiteral("ed25519:"), QByteArray::fromHex(publicKey));
    QCOMPARE(key->keyId(), expected);
    QCOMPARE(key->publicKey().keyId(), expected);
    QCOMPARE(expected.size(), 8 + 43);
    QCOMPARE(Ed25519PublicKey().keyId(), QString());
}

void TestEd25519::rawKeysOfTheWrongLengthAreRefused()
{
    for (const qsizetype length : {0, 1, 31, 33, 64}) {
        QVERIFY2(!Ed25519PrivateKey::fromSeed(SecureBytes(QByteArray(length, '\x01'))).has_value(),
                 qPrintable(QStringLiteral("seed of %1 bytes accepted").arg(length)));
        QVERIFY2(!Ed25519PublicKey::fromRaw(QByteArray(length, '\x01')).has_value(),
                 qPrintable(QStringLiteral("public key of %1 bytes accepted").arg(length)));
    }
    QVERIFY(!Ed25519PublicKey::fromBase64Url("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo=").has_value());
    QVERIFY(!Ed25519PublicKey::fromBase64Url("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHUR").has_value());
    QVERIFY(Ed25519PublicKey::fromBase64Url("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo").has_value());
}

void TestEd25519::generatedKeysAreDistinctAndWork()
{
    const Ed25519PrivateKey a = Ed25519PrivateKey::generate();
    const Ed25519PrivateKey b = Ed25519PrivateKey::generate();
    QVERIFY(!a.isNull());
    QVERIFY(!b.isNull());
    QVERIFY(a.keyId() != b.keyId());
    QCOMPARE(a.publicKey().raw().size(), 32);
    const QByteArray message = "approve act_1";
    QVERIFY(a.publicKey().verify(message, a.sign(message)));
    QVERIFY(!b.publicKey().verify(message, a.sign(message)));

    Ed25519PrivateKey moved = Ed25519PrivateKey::generate();
    const QString id = moved.keyId();
    Ed25519PrivateKey target = std::move(moved);
    QCOMPARE(target.keyId(), id);
    target.clear();
    QVERIFY(target.isNull());
    QVERIFY(target.sign(message).isEmpty());
    QVERIFY(target.keyId().isEmpty());
}

void TestEd25519::publicKeyEncodingsRoundTrip()
{
    const Ed25519PrivateKey key = seedKey("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
    const Ed25519PublicKey pub = key.publicKey();
    const QByteArray pem = pub.toPem();
    QVERIFY(pem.startsWith("-----BEGIN PUBLIC KEY-----\n"));
    QVERIFY(pem.endsWith("-----END PUBLIC KEY-----\n"));
    QCOMPARE(Ed25519PublicKey::fromPem(pem).value_or(Ed25519PublicKey()), pub);
    QCOMPARE(pub.toBase64Url(), coretest::independentBase64Url(pub.raw()));
    QCOMPARE(Ed25519PublicKey::fromBase64Url(pub.toBase64Url()).value_or(Ed25519PublicKey()), pub);
    // The SubjectPublicKeyInfo is the fixed Ed25519 prefix and the raw key.
    QCOMPARE(pemBody(pem), QByteArray(QByteArray::fromHex("302a300506032b6570032100") + pub.raw()));
}

void TestEd25519::keyFilesRoundTrip()
{
    const QByteArray seed = QByteArray::fromHex("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7");
    const Ed25519PrivateKey key = seedKey(seed.toHex().constData());
    QVERIFY(!key.isNull());
    const QString keyPath = path(QStringLiteral("roundtrip.key"));
    const QString pubPath = path(QStringLiteral("roundtrip.pub"));
    QString error;
    QVERIFY2(KeyFile::writePrivateKey(keyPath, key, passphrase(), &error), qPrintable(error));
    QVERIFY2(KeyFile::writePublicKey(pubPath, key.publicKey(), &error), qPrintable(error));

    QCOMPARE(fileMode(keyPath), 0600);
    const int pubMode = fileMode(pubPath);
    QVERIFY2(pubMode >= 0 && (pubMode & 0022) == 0, qPrintable(QString::number(pubMode, 8)));

    const QByteArray keyText = coretest::readFileBytes(keyPath);
    QVERIFY(keyText.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));
    QVERIFY2(!pemBody(keyText).contains(seed), "the seed must not be stored in the clear");

    const auto read = KeyFile::readPrivateKey(keyPath, passphrase(), &error);
    QVERIFY2(read.has_value(), qPrintable(error));
    QCOMPARE(read->keyId(), key.keyId());
    // Ed25519 is deterministic: the same key makes the same signature.
    QCOMPARE(read->sign("statement"), key.sign("statement"));

    const auto pub = KeyFile::readPublicKey(pubPath, &error);
    QVERIFY2(pub.has_value(), qPrintable(error));
    QCOMPARE(*pub, key.publicKey());

    // Each write uses a fresh salt and IV.
    const QString againPath = path(QStringLiteral("roundtrip-again.key"));
    QVERIFY(KeyFile::writePrivateKey(againPath, key, passphrase(), &error));
    QVERIFY(coretest::readFileBytes(againPath) != keyText);
}

void TestEd25519::privateKeyFileIsOwnerOnlyEvenWhenReplacingAPermissiveFile()
{
    const QString keyPath = path(QStringLiteral("permissive.key"));
    QVERIFY(coretest::writeFileBytes(keyPath, "old content"));
    QVERIFY(::chmod(QFile::encodeName(keyPath).constData(), 0666) == 0);
    QCOMPARE(fileMode(keyPath), 0666);

    const Ed25519PrivateKey key = Ed25519PrivateKey::generate();
    QString error;
    QVERIFY2(KeyFile::writePrivateKey(keyPath, key, passphrase(), &error), qPrintable(error));
    QCOMPARE(fileMode(keyPath), 0600);
    QCOMPARE(KeyFile::readPrivateKey(keyPath, passphrase())->keyId(), key.keyId());
}

void TestEd25519::wrongPassphraseIsRefused()
{
    const Ed25519PrivateKey key = Ed25519PrivateKey::generate();
    const QString keyPath = path(QStringLiteral("wrong-passphrase.key"));
    QVERIFY(KeyFile::writePrivateKey(keyPath, key, passphrase()));
    for (const char *wrong : {"correct horse battery stapl", "Correct horse battery staple", "x"}) {
        QString error;
        QVERIFY2(!KeyFile::readPrivateKey(keyPath, passphrase(wrong), &error).has_value(), wrong);
        QVERIFY2(error.contains(QStringLiteral("wrong passphrase")), qPrintable(error));
        QVERIFY2(error.contains(keyPath), qPrintable(error));
    }
    QString error;
    QVERIFY(!KeyFile::readPrivateKey(keyPath, SecureBytes(), &error).has_value());
    QVERIFY(!error.isEmpty());
}

void TestEd25519::emptyPassphraseIsRefused()
{
    const Ed25519PrivateKey key = Ed25519PrivateKey::generate();
    const QString keyPath = path(QStringLiteral("empty-passphrase.key"));
    QString error;
    QVERIFY(!KeyFile::writePrivateKey(keyPath, key, SecureBytes(), &error));
    QVERIFY2(error.contains(QStringLiteral("passphrase")), qPrintable(error));
    QVERIFY2(!QFile::exists(keyPath), "nothing may be written");
}

void TestEd25519::nullKeysAreNotWritten()
{
    QString error;
    const QString keyPath = path(QStringLiteral("null.key"));
    QVERIFY(!KeyFile::writePrivateKey(keyPath, Ed25519PrivateKey(), passphrase(), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(keyPath));
    error.clear();
    const QString pubPath = path(QStringLiteral("null.pub"));
    QVERIFY(!KeyFile::writePublicKey(pubPath, Ed25519PublicKey(), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(pubPath));
}

void TestEd25519::truncatedKeyFileIsRefused_data()
{
    QTest::addColumn<QString>("cut");
    QTest::newRow("empty file") << QStringLiteral("empty");
    QTest::newRow("inside the BEGIN line") << QStringLiteral("begin");
    QTest::newRow("after the BEGIN line") << QStringLiteral("header");
    QTest::newRow("half of the body") << QStringLiteral("half");
    QTest::newRow("last body line missing") << QStringLiteral("last-line");
    QTest::newRow("last body character missing") << QStringLiteral("last-char");
    QTest::newRow("no END line") << QStringLiteral("no-end");
    QTest::newRow("END line cut short") << QStringLiteral("end-cut");
}

void TestEd25519::truncatedKeyFileIsRefused()
{
    QFETCH(QString, cut);
    const Ed25519PrivateKey key = Ed25519PrivateKey::generate();
    const QString keyPath = path(QStringLiteral("truncated-%1.key").arg(cut));
    QVERIFY(KeyFile::writePrivateKey(keyPath, key, passphrase()));
    const QByteArray full = coretest::readFileBytes(keyPath);
    const qsizetype bodyStart = full.indexOf('\n') + 1;
    const qsizetype endLine = full.indexOf("-----END");
    QVERIFY(bodyStart > 0 && endLine > bodyStart);
    const qsizetype lastLineStart = full.lastIndexOf('\n', endLine - 2) + 1;
    QByteArray truncated;
    if (cut == QStringLiteral("empty"))
        truncated = QByteArray();
    else if (cut == QStringLiteral("begin"))
        truncated = full.first(11);
    else if (cut == QStringLiteral("header"))
        truncated = full.first(bodyStart);
    else if (cut == QStringLiteral("half"))
        truncated = full.first((bodyStart + endLine) / 2);
    else if (cut == QStringLiteral("last-line"))
        truncated = full.first(lastLineStart) + full.sliced(endLine);
    else if (cut == QStringLiteral("last-char"))
        truncated = full.first(endLine - 2) + '\n' + full.sliced(endLine);
    else if (cut == QStringLiteral("no-end"))
        truncated = full.first(endLine);
    else if (cut == QStringLiteral("end-cut"))
        truncated = full.first(full.size() - 6) + '\n';
    QVERIFY(truncated != full);
    QVERIFY(coretest::writeFileBytes(keyPath, truncated));

    QString error;
    QVERIFY2(!KeyFile::readPrivateKey(keyPath, passphrase(), &error).has_value(), truncated.constData());
    QVERIFY2(!error.isEmpty(), "no error message");
}

void TestEd25519::corruptedKeyFileIsRefused_data()
{
    QTest::addColumn<int>("derOffset");
    QTest::addColumn<QByteArray>("textDamage");
    // One bit flipped in the DER (offsets into our fixed PBES2/scrypt/AES-256-CBC layout)...
    QTest::newRow("outer SEQUENCE tag") << 0 << QByteArray();
    QTest::newRow("PBES2 OID") << 10 << QByteArray();
    QTest::newRow("scrypt OID") << 25 << QByteArray();
    QTest::newRow("salt") << 40 << QByteArray();
    QTest::newRow("scrypt cost N") << 53 << QByteArray();
    QTest::newRow("cipher OID") << 70 << QByteArray();
    QTest::newRow("first ciphertext block") << 100 << QByteArray();
    QTest::newRow("third ciphertext block (breaks the padding)") << 130 << QByteArray();
    // ...or the base64 text itself damaged.
    QTest::newRow("character outside base64") << -1 << QByteArray("*");
    QTest::newRow("character deleted") << -1 << QByteArray("");
}

void TestEd25519::corruptedKeyFileIsRefused()
{
    QFETCH(int, derOffset);
    QFETCH(QByteArray, textDamage);
    const Ed25519PrivateKey key = Ed25519PrivateKey::generate();
    const QString keyPath = path(QStringLiteral("corrupted.key"));
    QVERIFY(KeyFile::writePrivateKey(keyPath, key, passphrase()));
    const QByteArray pem = coretest::readFileBytes(keyPath);
    QByteArray damaged;
    if (derOffset >= 0) {
        const QByteArray der = pemBody(pem);
        // The layout the offsets refer to: 158 bytes, 64 bytes of ciphertext from offset 94.
        QCOMPARE(der.size(), 158);
        QCOMPARE(der.mid(92, 2).toHex(), QByteArray("0440"));
        QCOMPARE(toPem("ENCRYPTED PRIVATE KEY", der), pem);
        damaged = toPem("ENCRYPTED PRIVATE KEY", flipBit(der, derOffset));
    } else {
        const qsizetype position = pem.indexOf('\n') + 20;
        damaged = pem.first(position) + textDamage + pem.sliced(position + 1);
    }
    QVERIFY(damaged != pem);
    QVERIFY(coretest::writeFileBytes(keyPath, damaged));
    QString error;
    const auto read = KeyFile::readPrivateKey(keyPath, passphrase(), &error);
    QVERIFY2(!read.has_value(), qPrintable(QStringLiteral("loaded key %1").arg(read ? read->keyId() : QString())));
    QVERIFY2(!error.isEmpty(), "no error message");
}

void TestEd25519::unencryptedPkcs8IsRefused()
{
    const QString plainPath = path(QStringLiteral("plain.key"));
    const auto generated = openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("ed25519"),
                                    QStringLiteral("-out"), plainPath});
    QVERIFY2(generated.exitCode == 0 && generated.finished, generated.err.constData());
    QVERIFY(coretest::readFileBytes(plainPath).startsWith("-----BEGIN PRIVATE KEY-----"));
    QString error;
    QVERIFY(!KeyFile::readPrivateKey(plainPath, passphrase(), &error).has_value());
    QVERIFY2(error.contains(QStringLiteral("passphrase-encrypted")), qPrintable(error));
    // Nor is it mistaken for a public key.
    error.clear();
    QVERIFY(!KeyFile::readPublicKey(plainPath, &error).has_value());
    QVERIFY(!error.isEmpty());
}

void TestEd25519::nonEd25519PublicKeyIsRefused_data()
{
    QTest::addColumn<QStringList>("genpkeyArguments");
    QTest::newRow("X25519") << QStringList{QStringLiteral("-algorithm"), QStringLiteral("x25519")};
    QTest::newRow("Ed448") << QStringList{QStringLiteral("-algorithm"), QStringLiteral("ed448")};
    QTest::newRow("EC P-256") << QStringList{QStringLiteral("-algorithm"), QStringLiteral("EC"), QStringLiteral("-pkeyopt"),
                                             QStringLiteral("ec_paramgen_curve:P-256")};
}

void TestEd25519::nonEd25519PublicKeyIsRefused()
{
    QFETCH(QStringList, genpkeyArguments);
    const QString privatePath = path(QStringLiteral("other-%1.pem").arg(QLatin1StringView(QTest::currentDataTag())));
    const QString publicPath = path(QStringLiteral("other-%1.pub").arg(QLatin1StringView(QTest::currentDataTag())));
    const auto generated = openssl(QStringList{QStringLiteral("genpkey")} + genpkeyArguments
                                   + QStringList{QStringLiteral("-out"), privatePath});
    QVERIFY2(generated.exitCode == 0, generated.err.constData());
    const auto exported = openssl({QStringLiteral("pkey"), QStringLiteral("-in"), privatePath, QStringLiteral("-pubout"),
                                   QStringLiteral("-out"), publicPath});
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    QVERIFY(coretest::readFileBytes(publicPath).startsWith("-----BEGIN PUBLIC KEY-----"));
    QString error;
    QVERIFY(!KeyFile::readPublicKey(publicPath, &error).has_value());
    QVERIFY2(error.contains(QStringLiteral("not an Ed25519 key")), qPrintable(error));
}

void TestEd25519::nonEd25519EncryptedPrivateKeyIsRefused()
{
    const QString plainPath = path(QStringLiteral("x25519-plain.pem"));
    const QString keyPath = path(QStringLiteral("x25519.key"));
    const QString passPath = path(QStringLiteral("x25519.pass"));
    QVERIFY(coretest::writeFileBytes(passPath, kPassphrase));
    QVERIFY(openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("x25519"), QStringLiteral("-out"),
                     plainPath})
                .exitCode
            == 0);
    const auto encrypted = openssl({QStringLiteral("pkcs8"), QStringLiteral("-topk8"), QStringLiteral("-scrypt"),
                                    QStringLiteral("-in"), plainPath, QStringLiteral("-out"), keyPath,
                                    QStringLiteral("-passout"), QStringLiteral("file:") + passPath});
    QVERIFY2(encrypted.exitCode == 0, encrypted.err.constData());
    QString error;
    QVERIFY(!KeyFile::readPrivateKey(keyPath, passphrase(), &error).has_value());
    QVERIFY2(error.contains(QStringLiteral("not Ed25519")), qPrintable(error));
}

void TestEd25519::opensslEncryptedKeyIsReadable_data()
{
    QTest::addColumn<QStringList>("pkcs8Arguments");
    QTest::newRow("scrypt") << QStringList{QStringLiteral("-scrypt")};
    QTest::newRow("PBKDF2 + AES-256-CBC") << QStringList{QStringLiteral("-v2"), QStringLiteral("aes-256-cbc")};
}

void TestEd25519::opensslEncryptedKeyIsReadable()
{
    QFETCH(QStringList, pkcs8Arguments);
    const QString tag = QString::fromLatin1(QTest::currentDataTag()).left(6);
    const QString plainPath = path(QStringLiteral("openssl-%1.pem").arg(tag));
    const QString keyPath = path(QStringLiteral("openssl-%1.key").arg(tag));
    const QString passPath = path(QStringLiteral("openssl-%1.pass").arg(tag));
    QVERIFY(coretest::writeFileBytes(passPath, kPassphrase));
    QVERIFY(openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("ed25519"), QStringLiteral("-out"),
                     plainPath})
                .exitCode
            == 0);
    const auto encrypted = openssl(QStringList{QStringLiteral("pkcs8"), QStringLiteral("-topk8"), QStringLiteral("-in"),
                                               plainPath, QStringLiteral("-out"), keyPath, QStringLiteral("-passout"),
                                               QStringLiteral("file:") + passPath}
                                   + pkcs8Arguments);
    QVERIFY2(encrypted.exitCode == 0, encrypted.err.constData());
    const auto der = openssl({QStringLiteral("pkey"), QStringLiteral("-in"), plainPath, QStringLiteral("-pubout"),
                              QStringLiteral("-outform"), QStringLiteral("DER")});
    QVERIFY2(der.exitCode == 0 && der.out.size() == 44, der.err.constData());
    const QByteArray raw = der.out.right(32);

    QString error;
    const auto key = KeyFile::readPrivateKey(keyPath, passphrase(), &error);
    QVERIFY2(key.has_value(), qPrintable(error));
    QCOMPARE(key->publicKey().raw(), raw);
    QCOMPARE(key->keyId(), coretest::independentPrefixedHash(QStringLiteral("ed25519:"), raw));
}

void TestEd25519::opensslDecryptsOurKeyFile()
{
    const Ed25519PrivateKey key = Ed25519PrivateKey::generate();
    const QString keyPath = path(QStringLiteral("interop.key"));
    const QString pubPath = path(QStringLiteral("interop.pub"));
    const QString passPath = path(QStringLiteral("interop.pass"));
    QVERIFY(KeyFile::writePrivateKey(keyPath, key, passphrase()));
    QVERIFY(KeyFile::writePublicKey(pubPath, key.publicKey()));
    QVERIFY(coretest::writeFileBytes(passPath, kPassphrase));

    const auto decrypted = openssl({QStringLiteral("pkey"), QStringLiteral("-in"), keyPath, QStringLiteral("-passin"),
                                    QStringLiteral("file:") + passPath, QStringLiteral("-pubout")});
    QVERIFY2(decrypted.exitCode == 0, decrypted.err.constData());
    QCOMPARE(decrypted.out, coretest::readFileBytes(pubPath));

    // openssl agrees on how the key is protected.
    const auto parsed = openssl({QStringLiteral("asn1parse"), QStringLiteral("-in"), keyPath});
    QVERIFY2(parsed.exitCode == 0, parsed.err.constData());
    QVERIFY2(parsed.out.contains(":PBES2") && parsed.out.contains(":scrypt") && parsed.out.contains(":aes-256-cbc"),
             parsed.out.constData());

    // And with the wrong passphrase openssl fails too.
    QVERIFY(coretest::writeFileBytes(passPath, "wrong"));
    QVERIFY(openssl({QStringLiteral("pkey"), QStringLiteral("-in"), keyPath, QStringLiteral("-passin"),
                     QStringLiteral("file:") + passPath, QStringLiteral("-pubout")})
                .exitCode
            != 0);
}

void TestEd25519::pemHeadersNeverTriggerAPassphrasePrompt_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("public key") << QStringLiteral("public");
    QTest::newRow("private key") << QStringLiteral("private");
}

void TestEd25519::pemHeadersNeverTriggerAPassphrasePrompt()
{
    // A PEM block with legacy "Proc-Type: 4,ENCRYPTED" headers makes OpenSSL ask
    // for a PEM pass phrase on the terminal, or read one from stdin, unless the
    // caller supplies a password callback. Key files are read by the CLI, which
    // may be reading a statement from stdin, so core must never prompt. Checked
    // in a child copy of this binary without a terminal, with data on stdin.
    QFETCH(QString, kind);
    const Ed25519PrivateKey key = Ed25519PrivateKey::generate();
    const QString file = path(QStringLiteral("crafted-%1.pem").arg(kind));
    const QByteArray pem = kind == QStringLiteral("public") ? key.publicKey().toPem() : key.toEncryptedPem(passphrase());
    QVERIFY(coretest::writeFileBytes(file, withLegacyEncryptionHeaders(pem)));

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(kProbeVariable), kind + QLatin1Char(':') + file);
    const auto result =
        coretest::runProcess(QCoreApplication::applicationFilePath(), {}, QByteArray(kProbeInput), environment);
    QVERIFY2(result.finished, result.err.constData());
    QVERIFY2(!result.err.contains("pass phrase"), result.err.constData());
    QCOMPARE(result.exitCode, 0);
}

void TestEd25519::missingAndOversizedKeyFilesAreRefused()
{
    QString error;
    const QString missing = path(QStringLiteral("does-not-exist.key"));
    QVERIFY(!KeyFile::readPrivateKey(missing, passphrase(), &error).has_value());
    QVERIFY2(error.contains(QStringLiteral("cannot read")), qPrintable(error));
    error.clear();
    QVERIFY(!KeyFile::readPublicKey(missing, &error).has_value());
    QVERIFY2(error.contains(QStringLiteral("cannot read")), qPrintable(error));

    const Ed25519PrivateKey key = Ed25519PrivateKey::generate();
    const QString big = path(QStringLiteral("big.pub"));
    QByteArray content = key.publicKey().toPem();
    content += QByteArray(KeyFile::kMaxKeyFileBytes, '\n');
    QVERIFY(coretest::writeFileBytes(big, content));
    error.clear();
    QVERIFY(!KeyFile::readPublicKey(big, &error).has_value());
    QVERIFY2(error.contains(QStringLiteral("too large")), qPrintable(error));
}

void TestEd25519::isPrivateKeyFileTellsKeyFilesApart()
{
    const Ed25519PrivateKey key = Ed25519PrivateKey::generate();
    const QString keyPath = path(QStringLiteral("kind.key"));
    const QString pubPath = path(QStringLiteral("kind.pub"));
    QVERIFY(KeyFile::writePrivateKey(keyPath, key, passphrase()));
    QVERIFY(KeyFile::writePublicKey(pubPath, key.publicKey()));
    QVERIFY(KeyFile::isPrivateKeyFile(keyPath));
    QVERIFY(!KeyFile::isPrivateKeyFile(pubPath));
    QVERIFY(!KeyFile::isPrivateKeyFile(path(QStringLiteral("absent.key"))));
}

void TestEd25519::base64UrlEncodesRfc4648Vectors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("encoded");
    // RFC 4648 section 10, without padding.
    QTest::newRow("empty") << QByteArray("") << QByteArray("");
    QTest::newRow("f") << QByteArray("f") << QByteArray("Zg");
    QTest::newRow("fo") << QByteArray("fo") << QByteArray("Zm8");
    QTest::newRow("foo") << QByteArray("foo") << QByteArray("Zm9v");
    QTest::newRow("foob") << QByteArray("foob") << QByteArray("Zm9vYg");
    QTest::newRow("fooba") << QByteArray("fooba") << QByteArray("Zm9vYmE");
    QTest::newRow("foobar") << QByteArray("foobar") << QByteArray("Zm9vYmFy");
    // The two URL-safe characters.
    QTest::newRow("fb ef be") << QByteArray::fromHex("fbefbe") << QByteArray("----");
    QTest::newRow("ff ff ff") << QByteArray::fromHex("ffffff") << QByteArray("____");
    QTest::newRow("fb ff") << QByteArray::fromHex("fbff") << QByteArray("-_8");
    QTest::newRow("zero byte") << QByteArray(1, '\0') << QByteArray("AA");
    QTest::newRow("02") << QByteArray::fromHex("02") << QByteArray("Ag");
}

void TestEd25519::base64UrlEncodesRfc4648Vectors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, encoded);
    QCOMPARE(Base64Url::encode(bytes), encoded);
    const auto decoded = Base64Url::decode(encoded);
    QVERIFY(decoded.has_value());
    QCOMPARE(*decoded, bytes);
}

void TestEd25519::base64UrlDecodingIsStrict_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("padding ==") << QByteArray("Zg==");
    QTest::newRow("padding =") << QByteArray("Zm8=");
    QTest::newRow("single =") << QByteArray("Zg=");
    QTest::newRow("padding inside") << QByteArray("Zg==Zg");
    QTest::newRow("standard alphabet +") << QByteArray("+-8");
    QTest::newRow("standard alphabet /") << QByteArray("_/8");
    QTest::newRow("standard alphabet full") << QByteArray("+/8");
    QTest::newRow("space inside") << QByteArray("Zm 9v");
    QTest::newRow("leading space") << QByteArray(" Zm9v");
    QTest::newRow("trailing newline") << QByteArray("Zm9v\n");
    QTest::newRow("tab") << QByteArray("Zm9v\tYg");
    QTest::newRow("CR LF") << QByteArray("Zm9v\r\nYg");
    QTest::newRow("NUL") << QByteArray("Zm9v\0Yg", 7);
    QTest::newRow("dot") << QByteArray("Zm9v.Yg");
    QTest::newRow("non-ASCII") << QByteArray("Zm9v\xc3\xa9");
    QTest::newRow("length 1") << QByteArray("Z");
    QTest::newRow("length 5") << QByteArray("Zm9vY");
    QTest::newRow("length 9") << QByteArray("Zm9vYmFyZ");
    // Non-zero unused bits: each decodes to the same bytes as the canonical form.
    QTest::newRow("AB (canonical AA)") << QByteArray("AB");
    QTest::newRow("AP (canonical AA)") << QByteArray("AP");
    QTest::newRow("Zh (canonical Zg)") << QByteArray("Zh");
    QTest::newRow("Zm9 (canonical Zm8)") << QByteArray("Zm9");
    QTest::newRow("Zm9vYh (canonical Zm9vYg)") << QByteArray("Zm9vYh");
    QTest::newRow("Zm9vYmF (canonical Zm9vYmE)") << QByteArray("Zm9vYmF");
    QTest::newRow("key with last char altered") << QByteArray("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURp");
}

void TestEd25519::base64UrlDecodingIsStrict()
{
    QFETCH(QByteArray, text);
    const auto decoded = Base64Url::decode(text);
    QVERIFY2(!decoded.has_value(), qPrintable(QStringLiteral("decoded to %1").arg(QString::fromLatin1(decoded.value_or("").toHex()))));
}

void TestEd25519::base64UrlRoundTripsEveryLength()
{
    QByteArray bytes;
    for (int length = 0; length <= 100; ++length) {
        const QByteArray encoded = Base64Url::encode(bytes);
        QCOMPARE(encoded, coretest::independentBase64Url(bytes));
        QVERIFY(!encoded.contains('=') && !encoded.contains('+') && !encoded.contains('/'));
        QCOMPARE(Base64Url::decode(encoded).value_or("(refused)"), bytes);
        bytes.append(char((length * 73 + 41) & 0xFF));
    }
}

void TestEd25519::sha256KnownVectors_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("digest");
    // FIPS 180-2 appendix B and the empty string.
    QTest::newRow("abc") << QByteArray("abc")
                         << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::newRow("empty") << QByteArray("")
                           << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("448 bits") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                              << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    QTest::newRow("one million a") << QByteArray(1000000, 'a')
                                   << QByteArray("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

void TestEd25519::sha256KnownVectors()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, digest);
    QCOMPARE(Sha256::hash(message).toHex(), digest);
    QCOMPARE(Sha256::hex(message), digest);
    Sha256 incremental;
    incremental.add(message);
    QCOMPARE(incremental.finish().toHex(), digest);
}

void TestEd25519::sha256IncrementalEqualsOneShot()
{
    QByteArray message;
    for (int i = 0; i < 300; ++i)
        message.append(char((i * 131 + 7) & 0xFF));
    const QByteArray expected = Sha256::hash(message);
    QCOMPARE(expected, coretest::independentSha256(message));
    for (qsizetype split = 0; split <= message.size(); ++split) {
        Sha256 hash;
        hash.add(QByteArrayView(message).first(split));
        hash.add(QByteArrayView());
        hash.add(QByteArrayView(message).sliced(split));
        QVERIFY2(hash.finish() == expected, qPrintable(QStringLiteral("split at %1").arg(split)));
    }
    Sha256 bytewise;
    for (const char c : std::as_const(message))
        bytewise.add(QByteArrayView(&c, 1));
    QCOMPARE(bytewise.finish(), expected);
}

void TestEd25519::sha256IsReusableAfterFinish()
{
    Sha256 hash;
    hash.add("something else");
    (void)hash.finish();
    hash.add("ab");
    hash.add("c");
    QCOMPARE(hash.finish().toHex(), QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QCOMPARE(hash.finish().toHex(), QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
}

QTEST_GUILESS_MAIN(TestEd25519)
#include "TestEd25519.moc"
