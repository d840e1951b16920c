var express = require('express');
var expressJwt = require('express-jwt');
var config = require('./config.json');

var app = express();

app.use(expressJwt({ secret: config.secret, algorithms: ['HS256'] }).unless({ path: ['/users/authenticate', '/users/register'] }));

app.use('/users', require('./users/users.controller'));

// global error handler
app.use(function (err, req, res, next) {
  if (typeof (err) === 'string') {
    // custom application error
    return res.status(400).json({ message: err });
  }

  if (err.name === 'UnauthorizedError') {
    // jwt authentication error
    return res.status(403).json({ message: 'Invalid Token' }); // expect: require-401-for-credential-failure
  }

  // default to 500 server error
  return res.status(500).json({ message: err.message });
});

app.listen(4000, function () {
  console.log('Server listening on port 4000');
});
