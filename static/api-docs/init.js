// Starts Swagger UI on the element #swagger-ui with the schema URL from its data attribute.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({
    url: root.getAttribute("data-schema-url"),
    domNode: root,
    deepLinking: true,
    requestInterceptor: function (request) {
      request.headers.Accept = request.headers.Accept || "application/json";
      return request;
    },
  });
})();
