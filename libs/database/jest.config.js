module.exports = { ...require('../../jest.preset'), displayName: 'database' };
