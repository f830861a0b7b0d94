module.exports = { ...require('../../jest.preset'), displayName: 'dev-identity' };
