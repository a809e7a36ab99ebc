#pragma once
// ActivationPlan: the runbook of an activation as the steps the console's activation wizard runs one at a
// time, each a command in the shell's text form (which the wizard shows before it runs anything, as EMC did
// on its completion pages). The steps are the ones tests/runbooks/*.ps1 hold, made for the chosen copy.

#include <QString>
#include <QStringList>
#include <vector>

namespace scr {

struct ActivationStep
{
    QString title;   // "Activate the copy (Restore-StorageGroupCopy)"
    QString command; // one or more statements; runs on a fresh session (Enter-PSSession where needed)
};

struct ActivationRequest
{
    enum class Method { DatabasePortability, RecoverServer };
    Method method = Method::DatabasePortability;
    QString storageGroup;   // "MBX1\SG1"
    QString database;       // "DB1"
    QString standbyMachine; // "MBX3"
    QString standbyHost;    // the standby machine's host, where the setup and file steps run
    bool sourceReachable = true;
    QString logPrefix = QStringLiteral("E00");
    QString logFolderPath; // the storage group's (and so the copy's) paths
    QString systemFolderPath;
    QString edbFilePath;
    // Database portability: the target objects on the standby machine, made first unless they exist.
    QString targetStorageGroup = QStringLiteral("SG1Target");
    QString targetDatabase = QStringLiteral("DBTarget");
    QString temporaryPath = QStringLiteral("C:\\Temp\\SG1Target");
    bool targetExists = false;
};

std::vector<ActivationStep> planActivation(const ActivationRequest &request);

} // namespace scr
