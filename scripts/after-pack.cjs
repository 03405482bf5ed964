// electron-builder afterPack hook: flips the Electron fuses in the packaged executable, before
// electron-builder signs it.
const { flipFuses } = require('@electron/fuses');
const { join } = require('node:path');
const { fuseConfig } = require('./fuses.cjs');

function executablePath(context) {
  const { electronPlatformName, appOutDir, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'win32') return join(appOutDir, `${name}.exe`);
  if (electronPlatformName === 'darwin') return join(appOutDir, `${name}.app`);
  return join(appOutDir, packager.executableName);
}

exports.default = async function afterPack(context) {
  await flipFuses(executablePath(context), fuseConfig(context.electronPlatformName));
};
exports.executablePath = executablePath;
