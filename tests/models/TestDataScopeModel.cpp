#include "ModelTestSupport.h"
#include "models/DataScopeModel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QTest>
#include <QTextDocument>

using countersign::core::DataScope;
using countersign::models::DataScopeModel;
namespace mt = countersign::modeltest;

// The data-scopes pane: every column, the emphasis on restricted and
// confidential data and on writes, deletes, sends and executes (in words, not
// only in weight), and formatted untrusted resources.
class TestDataScopeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void renewalScopes();
    void migrationScopes();
    void emphasisRules_data();
    void emphasisRules();
    void untrustedResourceIsFormatted();
    void clearEmpties();

private:
    QString cell(int row, int column) const { return m_model->index(row, column).data().toString(); }

    std::unique_ptr<DataScopeModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestDataScopeModel::init()
{
    m_model = std::make_unique<DataScopeModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestDataScopeModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestDataScopeModel::renewalScopes()
{
    m_model->setAction(mt::scenario(QStringLiteral("renewal-outreach-email")));
    QCOMPARE(m_model->rowCount(), 5);
    QCOMPARE(m_model->columnCount(), int(DataScopeModel::ColumnCount));
    QCOMPARE(m_model->headerData(DataScopeModel::NotesColumn, Qt::Horizontal).toString(),
             QStringLiteral("Why it stands out"));

    QCOMPARE(cell(0, DataScopeModel::ResourceColumn), QStringLiteral("crm://acme/accounts/globex"));
    QCOMPARE(cell(0, DataScopeModel::AccessColumn), QStringLiteral("read"));
    QCOMPARE(cell(0, DataScopeModel::ClassificationColumn), QStringLiteral("confidential"));
    QCOMPARE(cell(0, DataScopeModel::FieldsColumn), QStringLiteral("contacts, contract_value, renewal_date"));
    QCOMPARE(cell(0, DataScopeModel::RecordsColumn), QLocale().toString(qint64(1)));
    QCOMPARE(cell(0, DataScopeModel::NotesColumn), QStringLiteral("Confidential data."));
    QVERIFY(m_model->index(0, 0).data(DataScopeModel::EmphasisRole).toBool());

    // Internal notes read: nothing stands out.
    QVERIFY(!m_model->index(1, 0).data(DataScopeModel::EmphasisRole).toBool());
    QCOMPARE(cell(1, DataScopeModel::NotesColumn), QString());
    QCOMPARE(cell(1, DataScopeModel::FieldsColumn), QStringLiteral("not listed"));
    QVERIFY(!m_model->index(1, 0).data(Qt::FontRole).value<QFont>().bold());

    // The restricted price book.
    QCOMPARE(cell(2, DataScopeModel::ResourceColumn),
             QStringLiteral("files://acme/finance/price-book-2027-internal.pdf"));
    QCOMPARE(m_model->index(2, 0).data(DataScopeModel::FlagIdsRole).toStringList(),
             QStringList {QStringLiteral("restricted")});
    QCOMPARE(cell(2, DataScopeModel::RecordsColumn), QStringLiteral("not stated"));
    QVERIFY(m_model->index(2, 0).data(Qt::FontRole).value<QFont>().bold());

    // Sends to external recipients: confidential and sent.
    QCOMPARE(m_model->index(4, 0).data(DataScopeModel::FlagIdsRole).toStringList(),
             (QStringList {QStringLiteral("confidential"), QStringLiteral("send")}));
    QVERIFY(cell(4, DataScopeModel::NotesColumn).contains(QStringLiteral("Sends this data to a recipient.")));
    QCOMPARE(m_model->index(4, 0).data(DataScopeModel::AccessRole).toString(), QStringLiteral("send"));
    QCOMPARE(m_model->index(4, 0).data(DataScopeModel::ClassificationRole).toString(), QStringLiteral("confidential"));
    QCOMPARE(m_model->scope(4)->resource, QStringLiteral("mailto:j.meyer@globex-partners.example"));
    QCOMPARE(m_model->scope(5), nullptr);

    // Tooltips begin with the column heading and carry the reasons.
    const QString tip = m_model->index(4, DataScopeModel::ResourceColumn).data(Qt::ToolTipRole).toString();
    QVERIFY(tip.startsWith(QStringLiteral("Resource\nmailto:j.meyer@globex-partners.example\n")));
    QVERIFY(tip.contains(QStringLiteral("Confidential data.")));
}

void TestDataScopeModel::migrationScopes()
{
    m_model->setAction(mt::scenario(QStringLiteral("prod-schema-migration")));
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(cell(0, DataScopeModel::RecordsColumn), QLocale().toString(qint64(18220471)));
    QCOMPARE(cell(1, DataScopeModel::FieldsColumn), QStringLiteral("vat_number"));
    QCOMPARE(m_model->index(0, 0).data(DataScopeModel::FlagIdsRole).toStringList(),
             (QStringList {QStringLiteral("confidential"), QStringLiteral("write")}));
    QCOMPARE(m_model->index(1, 0).data(DataScopeModel::FlagIdsRole).toStringList(),
             (QStringList {QStringLiteral("restricted"), QStringLiteral("write")}));
    const QStringList reasons = m_model->index(1, 0).data(DataScopeModel::FlagsRole).toStringList();
    QCOMPARE(reasons.size(), 2);
    QVERIFY(reasons.at(0).startsWith(QStringLiteral("Restricted data")));
    QVERIFY(reasons.at(1).contains(QStringLiteral("write")));
}

void TestDataScopeModel::emphasisRules_data()
{
    QTest::addColumn<QString>("access");
    QTest::addColumn<QString>("classification");
    QTest::addColumn<QStringList>("ids");
    QTest::newRow("public read") << QStringLiteral("read") << QStringLiteral("public") << QStringList();
    QTest::newRow("internal read") << QStringLiteral("read") << QStringLiteral("internal") << QStringList();
    QTest::newRow("confidential read") << QStringLiteral("read") << QStringLiteral("confidential")
                                       << QStringList {QStringLiteral("confidential")};
    QTest::newRow("restricted read") << QStringLiteral("read") << QStringLiteral("restricted")
                                     << QStringList {QStringLiteral("restricted")};
    QTest::newRow("internal write") << QStringLiteral("write") << QStringLiteral("internal")
                                    << QStringList {QStringLiteral("write")};
    QTest::newRow("public delete") << QStringLiteral("delete") << QStringLiteral("public")
                                   << QStringList {QStringLiteral("delete")};
    QTest::newRow("internal send") << QStringLiteral("send") << QStringLiteral("internal")
                                   << QStringList {QStringLiteral("send")};
    QTest::newRow("internal execute") << QStringLiteral("execute") << QStringLiteral("internal")
                                      << QStringList {QStringLiteral("execute")};
    QTest::newRow("restricted delete") << QStringLiteral("delete") << QStringLiteral("restricted")
                                       << QStringList {QStringLiteral("restricted"), QStringLiteral("delete")};
}

void TestDataScopeModel::emphasisRules()
{
    QFETCH(QString, access);
    QFETCH(QString, classification);
    QFETCH(QStringList, ids);
    DataScope s;
    s.resource = QStringLiteral("db://x");
    s.access = access;
    s.classification = classification;
    m_model->setScopes({s});
    const QModelIndex i = m_model->index(0, 0);
    QCOMPARE(i.data(DataScopeModel::FlagIdsRole).toStringList(), ids);
    QCOMPARE(i.data(DataScopeModel::EmphasisRole).toBool(), !ids.isEmpty());
    QCOMPARE(i.data(DataScopeModel::FlagsRole).toStringList().size(), ids.size());
    QCOMPARE(cell(0, DataScopeModel::NotesColumn).isEmpty(), ids.isEmpty());
}

void TestDataScopeModel::untrustedResourceIsFormatted()
{
    DataScope s;
    s.resource = QStringLiteral("<b>files://acme/</b>") + QChar(0x202E) + QStringLiteral("fdp.exe\nsecond line");
    s.access = QStringLiteral("read");
    s.classification = QStringLiteral("public");
    s.fields = {QStringLiteral("name") + QChar(0x200D)};
    m_model->setScopes({s});
    QCOMPARE(cell(0, DataScopeModel::ResourceColumn),
             QStringLiteral("<b>files://acme/</b>⟦U+202E RIGHT-TO-LEFT OVERRIDE⟧fdp.exe⏎second line"));
    QCOMPARE(m_model->index(0, DataScopeModel::ResourceColumn).data(DataScopeModel::FullTextRole).toString(),
             QStringLiteral("<b>files://acme/</b>⟦U+202E RIGHT-TO-LEFT OVERRIDE⟧fdp.exe\nsecond line"));
    QCOMPARE(cell(0, DataScopeModel::FieldsColumn), QStringLiteral("name⟦U+200D ZERO WIDTH JOINER⟧"));
    for (int c = 0; c < DataScopeModel::ColumnCount; ++c) {
        const QString tip = m_model->index(0, c).data(Qt::ToolTipRole).toString();
        QVERIFY2(!Qt::mightBeRichText(tip), qPrintable(tip));
    }
    // A very long resource is cut visibly.
    s.resource = QString(5000, u'r');
    m_model->setScopes({s});
    QVERIFY(m_model->index(0, 0).data(DataScopeModel::TruncatedRole).toBool());
    QVERIFY(cell(0, 0).contains(QStringLiteral("3000 more characters")));
    QCOMPARE(m_model->index(0, 0).data(DataScopeModel::FullTextRole).toString().size(), 5000);
}

void TestDataScopeModel::clearEmpties()
{
    m_model->setAction(mt::scenario(QStringLiteral("iam-role-grant")));
    QCOMPARE(m_model->rowCount(), 2);
    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
}

QTEST_MAIN(TestDataScopeModel)
#include "TestDataScopeModel.moc"
