#pragma once
// A one-node Slurm cluster for the suites that run on a real one (slurm-wlm and munge,
// started by scripts/slurm-local.sh under a folder and stopped by process id, whatever
// happens), and running programs with a time limit.
#include <QString>
#include <QStringList>

namespace pstest {

struct Ran {
  int code = -1;
  QString out, err;
};
Ran runProgram(const QString& program, const QStringList& args, int timeoutMs = 120000);

// The final state of a Slurm job once it has ended ("" when it did not in `timeoutS`).
QString waitForJob(const QString& id, int timeoutS);

class SlurmCluster {
 public:
  SlurmCluster() = default;
  SlurmCluster(const SlurmCluster&) = delete;
  SlurmCluster& operator=(const SlurmCluster&) = delete;
  ~SlurmCluster() { stop(); }

  // Why no cluster can start here (Slurm or munge missing, not root); empty when one can.
  static QString unavailableReason();
  // Starts one with its files under `dir` (on `port` and the next one) and points this
  // process's Slurm clients at it (SLURM_CONF); false with the script's output in `log`.
  bool start(const QString& dir, int port, QString& log);
  void stop();

 private:
  QString dir_;
  bool started_ = false;
};

}  // namespace pstest
