#include "cli/setting_options.h"

namespace ps {

CLI::Option* addSwitch(CLI::App* cmd, const SettingSpec& s, bool& target, const std::string& help,
                       const std::string& prefix) {
  if (s.on()) return cmd->add_flag("!--" + prefix + "no-" + s.name, target, help);
  return cmd->add_flag("--" + prefix + s.name, target, help);
}

namespace {
CLI::Option* addDeviceFunction(CLI::App* cmd, const SettingSpec& s, std::function<void(const DeviceChoice&)> set) {
  const std::string name = std::string("--") + s.name;
  return cmd
      ->add_option_function<std::string>(
          name,
          [set = std::move(set), name](const std::string& v) {
            try {
              set(DeviceChoice(v));
            } catch (const ConfigError& e) {
              throw CLI::ValidationError(name, e.what());
            }
          },
          s.help)
      ->default_str(s.defaultText());
}
}  // namespace

CLI::Option* addDevice(CLI::App* cmd, const SettingSpec& s, DeviceChoice& target) {
  return addDeviceFunction(cmd, s, [&target](const DeviceChoice& d) { target = d; });
}

CLI::Option* addDevice(CLI::App* cmd, const SettingSpec& s, std::string& target) {
  return addDeviceFunction(cmd, s, [&target](const DeviceChoice& d) { target = d.str(); });
}

}  // namespace ps
