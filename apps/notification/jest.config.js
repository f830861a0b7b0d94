module.exports = { ...require('../../jest.preset'), displayName: 'notification' };
