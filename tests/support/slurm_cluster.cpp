#include "support/slurm_cluster.h"

#include <unistd.h>

#include <QProcess>
#include <QStandardPaths>
#include <QThread>
#include <chrono>

namespace pstest {

Ran runProgram(const QString& program, const QStringList& args, int timeoutMs) {
  QProcess p;
  p.start(program, args);
  Ran r;
  if (!p.waitForFinished(timeoutMs)) {
    p.kill();
    p.waitForFinished();
    r.err = "timed out: " + program + " " + args.join(' ');
    return r;
  }
  r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
  r.out = QString::fromUtf8(p.readAllStandardOutput());
  r.err = QString::fromUtf8(p.readAllStandardError());
  return r;
}

QString waitForJob(const QString& id, int timeoutS) {
  static const QStringList ended = {"COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY"};
  for (int k = 0; k < timeoutS * 4; ++k) {
    const QString state = runProgram("squeue", {"-h", "-t", "all", "-j", id, "-o", "%T"}).out.trimmed();
    if (ended.contains(state)) return state;
    QThread::msleep(250);
  }
  return {};
}

QString SlurmCluster::unavailableReason() {
  for (const char* tool : {"munged", "slurmctld", "slurmd", "sbatch", "squeue"})
    if (QStandardPaths::findExecutable(tool).isEmpty() &&
        QStandardPaths::findExecutable(tool, {"/usr/sbin", "/sbin"}).isEmpty())
      return QString("Slurm is not installed here (no %1): apt-get install slurm-wlm munge").arg(tool);
  if (geteuid() != 0) return "the one-node Slurm cluster runs slurmctld and slurmd as root: run this suite as root";
  return {};
}

bool SlurmCluster::start(const QString& dir, int port, QString& log) {
  dir_ = dir;
  qputenv("PRUNESCOPE_SLURM_PORT", QByteArray::number(port));
  const auto t0 = std::chrono::steady_clock::now();
  const Ran r = runProgram("bash", {QStringLiteral(PRUNESCOPE_SOURCE_DIR "/scripts/slurm-local.sh"), "start", dir});
  started_ = true;  // whatever happened, stop what may have started
  log = r.out + r.err;
  if (r.code != 0) return false;
  qInfo("one-node cluster started in %.1f s",
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  qputenv("SLURM_CONF", (dir + "/slurm.conf").toUtf8());
  return true;
}

void SlurmCluster::stop() {
  if (!started_) return;
  started_ = false;
  runProgram("bash", {QStringLiteral(PRUNESCOPE_SOURCE_DIR "/scripts/slurm-local.sh"), "stop", dir_});
}

}  // namespace pstest
