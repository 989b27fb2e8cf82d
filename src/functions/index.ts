// Entry of the custom functions bundle (functions.js). Each module below declares its functions with
// `@customfunction` JSDoc; in the webpack build custom-functions-metadata-plugin generates
// functions.json from them and appends the `CustomFunctions.associate` calls to each module.
// The list of modules lives in ./metadataSources.json, shared with webpack.config.js and the tests.
import "./rates";
import "./dates";
import "./progress";
import "./vnText";
