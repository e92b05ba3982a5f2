#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

// The committed translations are current (lupdate would not change them),
// complete (nothing unfinished or empty), and faithful where it can be checked
// mechanically: the same placeholders, the same ⟦tokens⟧, and a plural form
// for every count.
class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void translationsCurrent();
    void translationsFinished_data();
    void translationsFinished();
    void englishPluralForms();
    void embeddedTranslationsLoad();

private:
    struct Message
    {
        QString context;
        QString source;
        bool numerus = false;
        bool unfinished = false;
        QStringList forms; // one for a plain message, one per plural form otherwise
    };
    static QList<Message> read(const QString &path, QString *error);
    static QString tsPath(const QString &language)
    {
        return QStringLiteral(COUNTERSIGN_SOURCE_DIR "/translations/countersign_%1.ts").arg(language);
    }
};

QList<TestTranslations::Message> TestTranslations::read(const QString &path, QString *error)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name"))
                context = xml.readElementText();
            else if (name == QLatin1String("message")) {
                current = Message();
                current.context = context;
                current.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (name == QLatin1String("source"))
                current.source = xml.readElementText();
            else if (name == QLatin1String("translation")) {
                current.unfinished = !xml.attributes().value(QLatin1String("type")).isEmpty();
                if (!current.numerus)
                    current.forms.append(xml.readElementText());
            } else if (name == QLatin1String("numerusform"))
                current.forms.append(xml.readElementText());
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            messages.append(current);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

void TestTranslations::translationsCurrent()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess update;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LUPDATE"), QStringLiteral(COUNTERSIGN_LUPDATE));
    update.setProcessEnvironment(env);
    update.start(QStringLiteral("sh"), {QStringLiteral(COUNTERSIGN_SOURCE_DIR "/translations/update.sh"), dir.path()});
    QVERIFY(update.waitForFinished(120000));
    QVERIFY2(update.exitCode() == 0, update.readAllStandardError().constData());
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")}) {
        QFile committed(tsPath(language));
        QFile updated(dir.filePath(QStringLiteral("countersign_%1.ts").arg(language)));
        QVERIFY(committed.open(QIODevice::ReadOnly) && updated.open(QIODevice::ReadOnly));
        const QList<QByteArray> a = committed.readAll().split('\n');
        const QList<QByteArray> b = updated.readAll().split('\n');
        for (int i = 0; i < std::max(a.size(), b.size()); ++i) {
            if (a.value(i) != b.value(i))
                QFAIL(qPrintable(
                    QStringLiteral("countersign_%1.ts is not current (run translations/update.sh): line %2 "
                                   "is \"%3\", lupdate writes \"%4\"")
                        .arg(language)
                        .arg(i + 1)
                        .arg(QString::fromUtf8(a.value(i).trimmed()), QString::fromUtf8(b.value(i).trimmed()))));
        }
    }
}

void TestTranslations::translationsFinished_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("de") << QStringLiteral("de");
    QTest::newRow("fr") << QStringLiteral("fr");
}

void TestTranslations::translationsFinished()
{
    QFETCH(QString, language);
    QString error;
    const QList<Message> messages = read(tsPath(language), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 100);
    static const QRegularExpression placeholder(QStringLiteral("%(?:L?[1-9]|n)"));
    static const QRegularExpression token(QStringLiteral("⟦[^⟧]*⟧"));
    auto set = [](const QRegularExpression &re, const QString &text) {
        QStringList found;
        for (auto it = re.globalMatch(text); it.hasNext();)
            found.append(it.next().captured());
        found.sort();
        found.removeDuplicates();
        return found;
    };
    QStringList problems;
    for (const Message &m : messages) {
        const QString where = m.context + QStringLiteral(": \"") + m.source + QLatin1Char('"');
        if (m.unfinished)
            problems.append(QStringLiteral("unfinished: ") + where);
        if (m.forms.isEmpty() || (m.numerus && m.forms.size() != 2))
            problems.append(QStringLiteral("wrong number of forms: ") + where);
        for (const QString &form : m.forms) {
            if (form.trimmed().isEmpty()) {
                problems.append(QStringLiteral("empty: ") + where);
                continue;
            }
            // %n may be left out of the singular form ("une action"); every other placeholder must stay.
            QStringList want = set(placeholder, m.source);
            QStringList have = set(placeholder, form);
            if (m.numerus) {
                want.removeAll(QStringLiteral("%n"));
                have.removeAll(QStringLiteral("%n"));
            }
            if (want != have)
                problems.append(QStringLiteral("placeholders %1 became %2: ").arg(want.join(u','), have.join(u','))
                                + where);
            if (set(token, m.source) != set(token, form))
                problems.append(QStringLiteral("⟦token⟧ changed: ") + where);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslations::englishPluralForms()
{
    QString error;
    const QList<Message> messages = read(tsPath(QStringLiteral("en")), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!messages.isEmpty());
    QStringList problems;
    for (const Message &m : messages) {
        if (!m.numerus)
            problems.append(QStringLiteral("not a plural message: ") + m.source);
        else if (m.unfinished || m.forms.size() != 2 || m.forms.at(0).trimmed().isEmpty()
                 || m.forms.at(1).trimmed().isEmpty())
            problems.append(QStringLiteral("singular or plural missing: ") + m.source);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslations::embeddedTranslationsLoad()
{
    // The .qm files are compiled into the console (:/i18n) and hold every message.
    for (const QString &language : {QStringLiteral("de"), QStringLiteral("fr"), QStringLiteral("en")}) {
        QTranslator translator;
        QVERIFY2(translator.load(QStringLiteral(":/i18n/countersign_%1.qm").arg(language)), qPrintable(language));
        QVERIFY(!translator.isEmpty());
    }
    QTranslator de;
    QVERIFY(de.load(QStringLiteral(":/i18n/countersign_de.qm")));
    QCOMPARE(de.translate("countersign::ui::MainWindow", "&Approve…"), QStringLiteral("&Genehmigen…"));
    QTranslator en;
    QVERIFY(en.load(QStringLiteral(":/i18n/countersign_en.qm")));
    QCOMPARE(en.translate("countersign::ui::TrayIcon", "Countersign: %n action(s) waiting for approval", nullptr, 1),
             QStringLiteral("Countersign: %n action waiting for approval"));
}

QTEST_MAIN(TestTranslations)
#include "TestTranslations.moc"
