#pragma once

// Loading the shipped scenarios as core::Action for the review-logic suites
// (UntrustedText, ActionRisk, AuthorityChainCheck).

#include "support/Scenarios.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QTest>

namespace countersign::reviewtest {

using testing::actionFrom;
using testing::at;
using testing::scenario;
using testing::scenarioJson;

} // namespace countersign::reviewtest
